package labs.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client half of task 1: the student's client ({@code --client "... {host} ... {port}"})
 * runs against {@link ReferenceEchoServer} and is fed lines on its standard input, as a user
 * would type them. Each run is bounded; a client still running at the end is stopped with its
 * children.
 *
 * <p>Thread safety: one JUnit thread drives the client; the server's state is its own concern.
 */
public class ClientCheck {
    static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    static final Duration ECHO_WAIT = Duration.ofSeconds(5);
    static final List<String> LINES = List.of("hello from the grader", "привет, сервер", "third line");

    @TempDir
    Path work;

    private ReferenceEchoServer server;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(!Submission.current().clientCommand().isEmpty(), "no --client given: the client is not graded");
        server = new ReferenceEchoServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Program startClient(int port) throws IOException {
        Submission submission = Submission.current();
        return Program.start(submission.clientCommand(), port, submission.directory(), work.resolve("client.log"));
    }

    private static void type(Program client, String line) throws IOException {
        OutputStream keyboard = client.process().getOutputStream();
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    @Test
    void sendsEachLineToTheServer() throws Exception {
        try (Program client = startClient(server.port())) {
            for (String line : LINES) {
                type(client, line);
            }
            assertThat(server.awaitReceived(LINES.size(), ECHO_WAIT)).as("lines the server received").containsSubsequence(LINES);
        }
    }

    @Test
    void printsEachEcho() throws Exception {
        try (Program client = startClient(server.port())) {
            for (String line : LINES) {
                type(client, line);
                awaitOutputContaining(client, line);
            }
        }
    }

    private static void awaitOutputContaining(Program client, String line) {
        long deadline = System.nanoTime() + ECHO_WAIT.toNanos();
        while (!client.output().contains(line) && System.nanoTime() < deadline) {
            client.waitFor(Duration.ofMillis(50));
        }
        assertThat(client.output()).as("what the client printed").contains(line);
    }

    @Test
    void endsOnExit() throws Exception {
        try (Program client = startClient(server.port())) {
            type(client, LINES.get(0));
            type(client, "exit");
            assertThat(client.waitFor(EXIT_WAIT)).as("the client ended within %d s of \"exit\" (its input still open)",
                    EXIT_WAIT.toSeconds()).isTrue();
        }
    }

    @Test
    void endsAtTheEndOfInput() throws Exception {
        try (Program client = startClient(server.port())) {
            type(client, LINES.get(0));
            client.process().getOutputStream().close();
            assertThat(client.waitFor(EXIT_WAIT)).as("the client ended within %d s of the end of its input",
                    EXIT_WAIT.toSeconds()).isTrue();
        }
    }

    @Test
    void reportsARefusedConnectionClearly() throws Exception {
        try (Program client = startClient(Program.freePort())) {
            type(client, LINES.get(0));
            assertThat(client.waitFor(EXIT_WAIT)).as("the client ended within %d s when nothing listens on the port",
                    EXIT_WAIT.toSeconds()).isTrue();
            String said = client.output();
            assertThat(said).as("what the client printed when nothing listens").isNotBlank();
            assertThat(said).as("a message, not a stack trace")
                    .doesNotContain("Traceback (most recent call last)").doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
        }
    }
}
