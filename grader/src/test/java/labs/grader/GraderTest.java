package labs.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's parts: the rubric, the command line, the reports, a class, Gradescope's layout.
 *
 * <p>Thread safety: each test runs in one JUnit thread; the child process it waits for shares
 * only files with it, read after it ended.
 */
class GraderTest {
    @TempDir
    Path work;

    @Test
    void theRubricNamesOnlyTestsTheSuitesHaveAndMapsEveryConformanceTest() throws Exception {
        Rubric rubric = Rubric.load(Examples.HOME.resolve(Rubric.DEFAULT));
        Suites suites = Suites.in(Examples.HOME);
        List<String> mapped = new ArrayList<>();
        for (Rubric.Item item : rubric.items()) {
            for (Rubric.TestRef test : item.tests()) {
                assertThat(suites.method(test)).as("rubric item %s names %s", item.id(), test).isNotNull();
                mapped.add(test.toString());
            }
        }
        for (String suite : List.of("line", "concurrent", "threads", "client", "auth", "chat", "console")) {
            for (String method : suites.testMethods(suite)) {
                assertThat(mapped).as("the rubric grades every test of %s", suite).contains(suite + "#" + method);
            }
        }
        assertThat(rubric.forLab(2)).extracting(Rubric.Item::id).contains("threads.per-client", "exact.bytes", "q6");
    }

    @Test
    void aBrokenRubricSaysWhereAndWhy() {
        assertThatThrownBy(() -> Rubric.parse(List.of("[a]", "labs: 1", "task: 1", "group: assignment", "points: 1",
                "tests: nosuch#test", "en: x", "ru: x"), "r.txt")).hasMessageContaining("r.txt:1: [a] names an unknown suite: nosuch");
        assertThatThrownBy(() -> Rubric.parse(List.of("[a]", "labs: 1"), "r.txt")).hasMessageContaining("has no task");
        assertThatThrownBy(() -> Rubric.parse(List.of("stray line"), "r.txt")).hasMessageContaining("r.txt:1: expected [item]");
        assertThatThrownBy(() -> Rubric.parse(List.of("[q]", "labs: 1", "task: q1", "group: defence", "points: 1",
                "tests: line#x", "en: x", "ru: x"), "r.txt")).hasMessageContaining("unless it is a defence item");
        List<String> one = List.of("[a]", "labs: 1", "task: 1", "group: defence", "points: 1", "en: x", "ru: x");
        List<String> twice = new ArrayList<>(one);
        twice.addAll(one);
        assertThatThrownBy(() -> Rubric.parse(twice, "r.txt")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Rubric.TestRef.parse("nohash")).hasMessageContaining("suite#method");
    }

    @Test
    void usageErrorsExitWithTwo() {
        for (String[] args : List.of(new String[] {}, new String[] {"6", "--server", "x"}, new String[] {"two"},
                new String[] {"1"}, new String[] {"1", "--server"}, new String[] {"1", "--server", "x", "--level", "strict"},
                new String[] {"1", "--server", "x", "--bogus"}, new String[] {"3", "--server", "x", "--client", "y"})) {
            Examples.Run run = Examples.grade(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(Grade.BAD_USAGE);
            assertThat(run.err()).contains("usage: ./grade LAB --server");
        }
    }

    @Test
    void aProgramThatNeverListensScoresZeroEverywhereAndExitsWithOne() throws IOException {
        Path json = work.resolve("results.json");
        Examples.Run run = Examples.grade("3", "--server", "python3 -c print('I_crashed') {port}", "--json", json.toString());
        assertThat(run.exitCode()).isEqualTo(Grade.NOT_GRADED);
        assertThat(run.out()).contains("Not graded: the program exited with code 0 before it listened on port")
                .contains("its last output: I_crashed").containsPattern("auth.race .* 0 / 2  not run").contains("total: 0 / 11");
        assertThat(Files.readString(json)).contains("\"score\": 0");
    }

    @Test
    void theThreadCountNamesTheDesign() {
        assertThat(Design.classify(16, 16, 0, 16)).isEqualTo(Design.THREAD_PER_CLIENT);
        assertThat(Design.classify(16, 15, 0, 16)).isEqualTo(Design.THREAD_PER_CLIENT);
        assertThat(Design.classify(16, 16, 16, 16)).isEqualTo(Design.PROCESS_PER_CLIENT);
        assertThat(Design.classify(16, 4, 0, 4)).isEqualTo(Design.POOL);
        assertThat(Design.POOL.describe(4)).isEqualTo("a pool of about 4 threads");
        assertThat(Design.classify(16, 1, 0, 16)).isEqualTo(Design.EVENT_LOOP);
        assertThat(Design.classify(16, 0, 0, 1)).isEqualTo(Design.ONE_AT_A_TIME);
        assertThat(ThreadCount.of(List.of(ProcessHandle.current()))).isGreaterThan(1);
    }

    @Test
    void failuresAreOneShortLine() {
        assertThat(PlainWords.of(new java.net.SocketTimeoutException())).isEqualTo("no answer in time (read timed out)");
        assertThat(PlainWords.of(new java.io.IOException(new java.net.ConnectException("Connection refused"))))
                .startsWith("could not connect: ").doesNotContain("java.net");
        assertThat(PlainWords.of(new java.net.SocketException())).isEqualTo("the connection broke: reset");
        assertThat(PlainWords.of(new java.util.concurrent.TimeoutException())).isEqualTo("took too long: timed out");
        assertThat(PlainWords.of(new AssertionError("expected:\n  \"a\"\n but was:\n  \"b\""))).isEqualTo("expected: \"a\" but was: \"b\"");
        assertThat(PlainWords.of(new AssertionError("x".repeat(500)))).hasSize(PlainWords.LIMIT);
        assertThat(Json.string("a\"\\\n\r\t\u0001")).isEqualTo("\"a\\\"\\\\\\n\\r\\t\\u0001\"");
        assertThat(Json.xml("<a & \"b\">\u0001")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt; ");
        assertThat(Report.number(2.5)).isEqualTo("2.5");
        assertThat(Report.number(0.67)).isEqualTo("0.67");
    }

    @Test
    void aPartlyPassedItemEarnsItsShareAndASkippedOneSaysWhy() {
        Rubric.Item item = new Rubric.Item("x", java.util.Set.of(1), "1", Rubric.Group.ASSIGNMENT, 3,
                List.of(new Rubric.TestRef("line", "a"), new Rubric.TestRef("line", "b"), new Rubric.TestRef("line", "c")), "x", "x");
        ItemResult partly = ItemResult.of(item, Map.of(
                "line#a", new Outcome(new Rubric.TestRef("line", "a"), Outcome.Status.PASSED, "", Map.of("greeting", "hi"), 1),
                "line#b", Outcome.failed(new Rubric.TestRef("line", "b"), "broke")));
        assertThat(partly.earned()).isEqualTo(1.0);
        assertThat(partly.result()).isEqualTo("1 of 3 passed; greeting: hi");
        assertThat(partly.failure()).isEqualTo("broke");
        Rubric.Item client = new Rubric.Item("c", java.util.Set.of(1), "1", Rubric.Group.ASSIGNMENT, 1,
                List.of(new Rubric.TestRef("client", "a")), "c", "c");
        ItemResult skipped = ItemResult.of(client, Map.of("client#a",
                new Outcome(new Rubric.TestRef("client", "a"), Outcome.Status.SKIPPED, "no --client given", Map.of(), 0)));
        assertThat(skipped.result()).isEqualTo("skipped");
        assertThat(skipped.failure()).isEqualTo("no --client given");
        Report report = new Report(1, Report.Level.ASSIGNMENT, "cmd", List.of(partly, skipped), List.of(
                new Outcome(new Rubric.TestRef("line", "a"), Outcome.Status.PASSED, "", Map.of(), 1),
                Outcome.failed(new Rubric.TestRef("line", "b"), "broke <here>"),
                new Outcome(new Rubric.TestRef("client", "a"), Outcome.Status.SKIPPED, "no --client", Map.of(), 0)),
                2, "", true);
        assertThat(report.table()).contains("Лабораторная 1", "итого: 1 / 4");
        assertThat(report.junitXml()).contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\"",
                "<failure message=\"broke &lt;here&gt;\"/>", "<skipped message=\"no --client\"/>");
    }

    @Test
    void gradeAllWritesOneCsvForAClass() throws IOException {
        Path students = Files.createDirectories(work.resolve("class"));
        Path anna = Files.createDirectories(students.resolve("anna"));
        Files.copy(Examples.EXAMPLES.resolve("threaded_echo.py"), anna.resolve("echo.py"));
        Files.writeString(anna.resolve("RUN"), "# the server\npython3 echo.py {port}\n");
        Files.createDirectories(students.resolve("boris")); // handed in nothing runnable
        Path csv = work.resolve("grades.csv");
        System.setProperty("grader.home", Examples.HOME.toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = GradeAll.run(new String[] {"1", students.toString(), "--csv", csv.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly(
                "student,echo.lines,echo.crlf,echo.next-client,client.sends,client.prints,client.ends,client.refused,"
                        + "exact.bytes,exact.no-newline,exact.silent,total,possible,note",
                "anna,3,1,1,0,0,0,0,0,0,0,5,9,",
                "boris,0,0,0,0,0,0,0,0,0,0,0,,no RUN file with the server command");
        assertThat(anna.resolve("grade.txt")).content().contains("client.sends", "skipped — no --client given: the client is not graded");
        assertThat(GradeAll.run(new String[] {"1"}, System.out, System.err)).isEqualTo(Grade.BAD_USAGE);
        assertThat(GradeAll.run(new String[] {"1", work.resolve("none").toString()}, System.out, System.err)).isEqualTo(Grade.BAD_USAGE);
        assertThat(GradeAll.csvCell("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    }

    @Test
    void runAutograderGradesASubmissionInGradescopesLayout() throws Exception {
        Path root = work.resolve("autograder");
        Files.createDirectories(root.resolve("submission"));
        Files.createSymbolicLink(root.resolve("source"), Examples.HOME);
        Files.copy(Examples.EXAMPLES.resolve("greeting_echo.py"), root.resolve("submission").resolve("server.py"));
        Files.writeString(root.resolve("submission").resolve("RUN"), "python3 server.py {port}\n");
        ProcessBuilder builder = new ProcessBuilder(Examples.HOME.resolve("grading/gradescope/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("autograder.out").toFile());
        builder.environment().put("AUTOGRADER", root.toString());
        builder.environment().put("GRADER_CLASSPATH", Examples.LABS_CLASSPATH);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process run = builder.start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(work.resolve("autograder.out"))).isZero();
        assertThat(root.resolve("results/results.json")).content().contains("\"score\": 13", "greeting: Welcome to the echo server!");
    }
}
