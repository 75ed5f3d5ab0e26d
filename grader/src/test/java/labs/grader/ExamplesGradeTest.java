package labs.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example in grading/examples gets its asserted score, and the labs' own servers full
 * marks at both levels. A grading takes seconds (its tests wait out timeouts on purpose), so
 * the examples whose scores need no look inside run as child graders three at a time, and a
 * few run in this JVM, where coverage sees them.
 *
 * <p>Thread safety: one JUnit thread starts, waits for and reads every child grader; the children
 * share nothing with it but their output files, read after they ended.
 */
class ExamplesGradeTest {
    @TempDir
    Path work;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyExampleGetsItsScore() throws Exception {
        Path textbook = compile("TextbookEchoServer.java");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("13 / 13 threaded", List.of("2", "--server", Examples.python("threaded_echo.py") + " {port}"));
        expected.put("13 / 13 greeting", List.of("2", "--server", Examples.python("greeting_echo.py") + " {port}"));
        expected.put("12 / 13 mangling", List.of("2", "--server", Examples.python("mangling_echo.py") + " {port}"));
        expected.put("5 / 13 single-threaded", List.of("2", "--server", Examples.python("single_threaded_echo.py") + " {port}"));
        // This JVM's java, which runs what this JVM's javac compiled (java on PATH may be older).
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        expected.put("13 / 13 textbook", List.of("2", "--server", java + " -cp " + textbook + " TextbookEchoServer {port}"));
        expected.put("12 / 12 lab 1", List.of("1", "--level", "exact", "--server", Examples.java("labs.echo.SingleThreadedEchoServer") + " --port {port}",
                "--client", Examples.java("labs.echo.EchoClient") + " --host {host} --port {port}"));
        Map<String, Process> running = new LinkedHashMap<>();
        Map<String, String> totals = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(expected.keySet());
        for (int next = 0; next < names.size() || !running.isEmpty(); ) {
            while (running.size() < 3 && next < names.size()) {
                String name = names.get(next++);
                running.put(name, childGrader(name, expected.get(name)));
            }
            String name = running.keySet().iterator().next();
            Process child = running.remove(name);
            boolean ended = child.waitFor(180, TimeUnit.SECONDS);
            if (!ended) {
                Program.stop(List.of(child.toHandle()));
            }
            String out = Files.readString(work.resolve(file(name) + ".out"), StandardCharsets.UTF_8);
            totals.put(name, new Examples.Run(ended ? child.exitValue() : -1, out, "").total() + " " + name.split(" ", 4)[3]);
        }
        totals.forEach((name, total) -> assertThat(total).as(name).isEqualTo(name));
        assertThat(Files.readString(work.resolve(file("13 / 13 greeting") + ".out"))).contains("greeting: Welcome to the echo server!");
        assertThat(Files.readString(work.resolve(file("5 / 13 single-threaded") + ".out"))).contains("one thread, serving one client at a time");
    }

    private static String file(String name) {
        return name.replaceAll("[ /]+", "-");
    }

    private Process childGrader(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgrader.home=" + Examples.HOME, "-cp", Examples.LABS_CLASSPATH, Grade.class.getName()));
        command.addAll(args);
        Path folder = Files.createDirectories(work.resolve(file(name)));
        return new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(file(name) + ".out").toFile()).start();
    }

    private Path compile(String source) throws Exception {
        Path classes = Files.createDirectories(work.resolve("textbook"));
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", classes.toString(), Examples.EXAMPLES.resolve(source).toString()).inheritIO().start();
        assertThat(javac.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(javac.exitValue()).isZero();
        return classes;
    }

    @Test
    void theLabTwoServerScoresFullMarksAtTheExactLevelAndWritesGradescopeJson() throws IOException {
        Path json = work.resolve("results.json");
        Examples.Run run = Examples.grade("2", "--level", "exact", "--server",
                Examples.java("labs.threaded.ThreadedEchoServer") + " --port {port}", "--json", json.toString(), "--autolab");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.total()).isEqualTo("16 / 16");
        assertThat(run.out()).contains("design: a thread per client");
        String lastLine = run.out().strip().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(lastLine).startsWith("{\"scores\": {\"echo.lines\": 3,").endsWith("\"exact.silent\": 1}}");
        assertThat(Files.readString(json)).contains("\"score\": 16", "\"execution_time\": ", "\"output\": \"Lab 2",
                "\"tests\": [", "\"name\": \"threads.per-client: ", "\"number\": \"4\"", "\"max_score\": 3",
                "\"status\": \"passed\"", "\"visibility\": \"visible\"");
    }

    @Test
    void aSelectorServerGetsTheConcurrencyPointsNotTheThreadItemAndTheExactCredit() {
        Examples.Run run = Examples.grade("2", "--server", Examples.python("selector_echo.py") + " {port}");
        assertThat(run.total()).isEqualTo("13 / 13");
        assertThat(run.out()).containsPattern("threads.per-client .* 0 / 3 .*one thread \\(an event loop or selector\\)")
                .containsPattern("concurrent.fifty .* 2 / 2").containsPattern("exact.silent .* 1 / 1");
    }

    @Test
    void aStudentClientIsGradedAgainstTheReferenceServer() throws IOException {
        Examples.Run run = Examples.grade("1", "--server", Examples.python("single_threaded_echo.py") + " {port}",
                "--client", Examples.python("echo_client.py") + " {host} {port}");
        assertThat(run.total()).isEqualTo("9 / 9");
        assertThat(run.out()).containsPattern("client.refused .* 1 / 1  passed");
        assertThat(Path.of("target", "grading", "TEST-grade-lab1.xml")).content()
                .contains("<testcase classname=\"client\" name=\"reportsARefusedConnectionClearly\"");
    }
}
