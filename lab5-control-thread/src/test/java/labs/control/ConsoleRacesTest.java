package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.testing.TestClient;

/**
 * The operator's commands typed while clients keep connecting: the whole program, under load.
 * The exact interleavings are forced in {@link ChatServerControlTest} and
 * {@link ClearLogsRaceTest}; here many of them happen at random, and none may break anything.
 */
class ConsoleRacesTest {
    private static final Pattern WHOLE_LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^\\]]+\\] \\S.*");

    @TempDir
    Path dataDir;

    private InProcessOperated server;
    private final AtomicBoolean done = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Thread> connectors = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = InProcessOperated.start(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /**
     * Each connector connects, reads the greeting and hangs up, again and again; from another
     * loopback address, because thousands of tries at a paused port would sooner or later
     * connect one of them to itself (see {@link OtherLoopback}).
     */
    private void startConnectors(int count) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                while (!done.get()) {
                    try (TestClient client = OtherLoopback.connect(server.host(), server.port())) {
                        String first = client.readLine();
                        if (first == null) {
                            dropped.incrementAndGet();
                        } else {
                            assertThat(first).startsWith("* welcome");
                            served.incrementAndGet();
                        }
                    } catch (ConnectException pausedNow) {
                        refused.incrementAndGet();
                    } catch (SocketException resetFromTheQueue) {
                        dropped.incrementAndGet();
                    } catch (IOException | RuntimeException | AssertionError e) {
                        failures.add(e);
                    }
                }
            }, "connector-" + i);
            connectors.add(thread);
            thread.start();
        }
    }

    private void stopConnectors() throws InterruptedException {
        done.set(true);
        for (Thread thread : connectors) {
            thread.join();
        }
    }

    @Test
    void pauseAndResumeAmongConnectingClientsNeverLoseAClientOrTheAcceptor() throws Exception {
        startConnectors(3);
        for (int i = 0; i < 20; i++) {
            server.command("pause", "paused:");
            server.command("resume", "listening again");
        }
        stopConnectors();

        assertThat(failures).as("connector failures; the server's log ends with:%n%s", logTail()).isEmpty();
        assertThat(served.get()).isPositive();
        // Every accepted client was served and has gone; the server listens and serves again.
        await().untilAsserted(() -> assertThat(server.command("status", "connection(s)")).contains(" 0 connection(s)"));
        try (ChatUser alice = ChatUser.register(server, "alice")) {
            assertThat(server.command("status", "user(s) online")).contains("listening on", "1 user(s) online");
        }
        assertThat(server.output()).doesNotContain("error");
        assertThat(server.errors()).doesNotContain("accept failed", "Exception");
    }

    /** The last lines the server logged, to explain a failure. */
    private String logTail() {
        List<String> lines = server.errors().lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Test
    void resumeOnATakenPortSaysSoAndStaysPaused() throws Exception {
        server.command("pause", "paused:");
        try (ServerSocket intruder = new ServerSocket()) {
            intruder.bind(new InetSocketAddress(server.host(), server.port()));
            assertThat(server.command("resume", "still paused"))
                    .contains("cannot resume: port " + server.port() + " on 127.0.0.1 is already in use; still paused");
            assertThat(server.command("status", "paused (")).contains("paused (not listening");
        }
        server.command("resume", "listening again");
        ChatUser.register(server, "alice").close();
    }

    @Test
    void clearLogsWhileClientThreadsLogLeavesOnlyWholeLines() throws Exception {
        startConnectors(3);
        for (int i = 0; i < 15; i++) {
            server.command("clear-logs", "emptied");
        }
        stopConnectors();
        server.command("logs 1", "line(s) of");

        assertThat(failures).isEmpty();
        assertThat(server.output()).doesNotContain("error");
        List<String> lines = Files.readAllLines(server.logFile());
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).matches(WHOLE_LINE));
        assertThat(lines).filteredOn(line -> line.endsWith("log file cleared by the operator")).hasSize(1);
    }

    @Test
    void shutdownEndsEveryThreadWithinABoundedTime() throws Exception {
        List<ChatUser> users = new ArrayList<>();
        for (String name : List.of("anna", "boris", "vera")) {
            users.add(ChatUser.register(server, name));
        }
        startConnectors(2);
        server.type("shutdown");
        assertThat(server.awaitExit(Duration.ofSeconds(20))).isZero();
        stopConnectors();
        for (ChatUser user : users) {
            assertThat(user.client.readUntilClosed()).contains("* " + ChatServerControl.GOODBYE);
            user.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.leftoverThreads().isEmpty());
        assertThat(failures).isEmpty();
    }
}
