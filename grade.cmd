@echo off
rem Grades one student's program on Windows: grade LAB --server "CMD ... {port} ..." [--client ...] [--json FILE] [--autolab] [--level assignment^|exact]
rem labs.grader.Grade does the work; this script builds it once (delete grader\target to rebuild) and starts it.
rem The thread-per-client check needs Linux and is skipped here, with a note.
setlocal
set "ROOT=%~dp0"
set "CLASSPATH_FILE=%ROOT%grader\target\grader.classpath"
if not exist "%CLASSPATH_FILE%" (
  echo grade: building the grader and the labs' suites ^(once^) ... 1>&2
  pushd "%ROOT%"
  if exist "%ROOT%mvnw.cmd" (call "%ROOT%mvnw.cmd" -q -pl grader -am test-compile -Djacoco.skip=true) else (call mvn -q -pl grader -am test-compile -Djacoco.skip=true)
  popd
)
if not exist "%CLASSPATH_FILE%" exit /b 1
rem for /f, not set /p: set /p reads at most 1023 characters, and the class path is longer.
for /f "usebackq delims=" %%c in ("%CLASSPATH_FILE%") do set "DEPS=%%c"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not defined GRADER_MAIN set "GRADER_MAIN=labs.grader.Grade"
"%JAVA%" -Dgrader.home="%ROOT:~0,-1%" -cp "%ROOT%grader\target\classes;%DEPS%" %GRADER_MAIN% %*
exit /b %ERRORLEVEL%
