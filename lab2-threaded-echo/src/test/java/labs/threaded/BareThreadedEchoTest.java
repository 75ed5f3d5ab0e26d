package labs.threaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import labs.common.testing.TestClient;
import labs.echo.BareEchoServer;
import labs.echo.BareProgram;
import org.junit.jupiter.api.Test;

/** Lab 2's bare server: line echo like lab 1's, but to all clients at once, and one line apart from it. */
class BareThreadedEchoTest {
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    private int check(BareProgram server) {
        return new ConcurrencyChecker(server.host(), server.port(), 5, 3, 1_000,
                new PrintStream(report, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    void echoesEachLineInUtf8() throws IOException {
        try (BareProgram server = BareProgram.startServer(BareThreadedEchoServer.class);
             TestClient client = TestClient.connect(server)) {
            client.send("hello, сервер");
            assertThat(client.readLine()).isEqualTo("hello, сервер");
        }
    }

    @Test
    void servesAllClientsAtOnce() throws IOException {
        try (BareProgram server = BareProgram.startServer(BareThreadedEchoServer.class)) {
            assertThat(check(server)).isZero();
        }
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("verdict: served concurrently");
    }

    @Test
    void labOnesBareServerIsJudgedOneAtATime() throws IOException {
        try (BareProgram server = BareProgram.startServer(BareEchoServer.class)) {
            assertThat(check(server)).isEqualTo(1);
        }
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("verdict: served one at a time");
    }

    @Test
    void differsFromLabOnesBareServerByOneLineOfCode() throws IOException {
        List<String> lab1 = code(Path.of("../lab1-echo/src/main/java/labs/echo/BareEchoServer.java"));
        List<String> lab2 = code(Path.of("src/main/java/labs/threaded/BareThreadedEchoServer.java"));
        assertThat(lab2).hasSameSizeAs(lab1);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < lab1.size(); i++) {
            if (!lab1.get(i).equals(lab2.get(i))) {
                changed.add(lab2.get(i).trim());
            }
        }
        assertThat(changed).hasSize(1).first().asString().startsWith("new Thread(() -> serve(client)).start();");
    }

    /** The lines that are code: without the package line, the class comment and the class's own name. */
    private static List<String> code(Path source) throws IOException {
        List<String> code = new ArrayList<>();
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("package ") && !trimmed.startsWith("/**") && !trimmed.startsWith("*")) {
                code.add(line.replace("BareThreadedEchoServer", "BareEchoServer"));
            }
        }
        return code;
    }
}
