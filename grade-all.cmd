@echo off
rem Grades a whole class on Windows: grade-all LAB DIR [--csv FILE]; see grade.cmd and docs/grading.md.
setlocal
set "GRADER_MAIN=labs.grader.GradeAll"
call "%~dp0grade.cmd" %*
exit /b %ERRORLEVEL%
