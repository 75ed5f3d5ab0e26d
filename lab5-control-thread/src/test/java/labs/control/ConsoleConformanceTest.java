package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * Lab 5 through its two doors only: commands on standard input, users on the socket. Runs
 * against this lab's server by default, or against any program:
 * <pre>
 *   mvn -pl lab5-control-thread test -Dtest=ConsoleConformanceTest \
 *       -Dlab.server.command="java -cp ... my.Server --port {port} --data-dir {datadir}"
 * </pre>
 * The program must speak lab 3's login and lab 4's chat (see docs/protocol.md).
 */
class ConsoleConformanceTest {
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private OperatedServer server;

    @BeforeEach
    void start() throws Exception {
        server = OperatedServer.start(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void pauseRefusesNewConnectionsWhileConnectedUsersChatAndResumeAcceptsAgain() throws Exception {
        try (ChatUser alice = ChatUser.register(server, "alice"); ChatUser bob = ChatUser.register(server, "bob")) {
            server.command("pause", "paused");
            assertThatThrownBy(() -> OtherLoopback.connect(server.host(), server.port())).isInstanceOf(ConnectException.class);
            assertThat(server.command("status", "paused")).containsIgnoringCase("paused");

            alice.say("still here?");
            assertThat(bob.awaitLine("<alice>")).isEqualTo("<alice> still here?");
            bob.say("yes");
            assertThat(alice.awaitLine("<bob>")).isEqualTo("<bob> yes");

            server.command("resume", "listening");
            try (ChatUser carol = ChatUser.register(server, "carol")) {
                carol.say("hi all");
                assertThat(alice.awaitLine("<carol>")).isEqualTo("<carol> hi all");
            }
        }
    }

    @Test
    void logsShowRecentEvents() throws Exception {
        try (ChatUser alice = ChatUser.register(server, "alice")) {
            assertThat(server.command("logs", "alice")).contains("alice");
            assertThat(server.command("logs 5", "logs 5")).isNotEmpty();
        }
    }

    @Test
    void clearLogsEmptiesTheLog() throws Exception {
        try (ChatUser alice = ChatUser.register(server, "alice")) {
            server.command("logs", "alice");
            server.type("clear-logs");
            String afterClear = server.answerTo("logs");
            assertThat(afterClear).doesNotContain("alice");
        }
    }

    @Test
    void clearIdsForgetsEveryUserButKeepsThoseOnlineConnected() throws Exception {
        try (ChatUser bob = ChatUser.register(server, "bob")) {
            String aliceToken;
            try (ChatUser alice = ChatUser.register(server, "alice")) {
                aliceToken = alice.token;
            }
            bob.awaitLine("* alice left");
            server.answerTo("clear-ids");

            // Alice is a stranger now: she must register again, and her old token is void.
            try (ChatUser alice = ChatUser.typeName(server, "/token " + aliceToken)) {
                assertThat(alice.client.readLine()).startsWith("! ");
            }
            try (ChatUser alice = ChatUser.typeName(server, "alice")) {
                alice.answerNewPassword();
                // Bob, online during the clear, still chats.
                alice.say("registered again");
                assertThat(bob.awaitLine("<alice>")).isEqualTo("<alice> registered again");
                bob.say("welcome back");
                assertThat(alice.awaitLine("<bob>")).isEqualTo("<bob> welcome back");
            }
        }
    }

    @Test
    void unknownCommandGetsAHint() throws Exception {
        assertThat(server.command("fly to the moon", "help")).containsIgnoringCase("help");
        assertThat(server.command("STATUS", "listening")).containsIgnoringCase("listening");
    }

    @Test
    void shutdownTellsTheUsersClosesEverythingAndExitsWithZero() throws Exception {
        try (ChatUser alice = ChatUser.register(server, "alice")) {
            server.type("shutdown");
            List<String> lastLines = alice.client.readUntilClosed();
            assertThat(lastLines).anyMatch(line -> line.startsWith("* ") && line.contains("shutting down"));
            assertThat(server.awaitExit(EXIT_LIMIT)).isZero();
        }
        assertServerGone();
    }

    @Test
    void shutdownWhilePausedEndsTheSameWay() throws Exception {
        try (ChatUser alice = ChatUser.register(server, "alice")) {
            server.command("pause", "paused");
            server.type("quit");
            assertThat(alice.client.readUntilClosed()).anyMatch(line -> line.contains("shutting down"));
            assertThat(server.awaitExit(EXIT_LIMIT)).isZero();
        }
        assertServerGone();
    }

    @Test
    void ctrlCDoesWhatShutdownDoes() throws Exception {
        try (ChatUser alice = ChatUser.register(server, "alice")) {
            server.pressCtrlC();
            assertThat(alice.client.readUntilClosed()).anyMatch(line -> line.contains("shutting down"));
            server.awaitExit(EXIT_LIMIT); // a signal's exit code is the system's (143 for SIGTERM)
        }
        assertServerGone();
    }

    @Test
    void theEndOfStandardInputLeavesTheServerRunning() throws Exception {
        server.endInput();
        try (ChatUser alice = ChatUser.register(server, "alice"); ChatUser bob = ChatUser.register(server, "bob")) {
            alice.say("anyone?");
            assertThat(bob.awaitLine("<alice>")).isEqualTo("<alice> anyone?");
            server.pressCtrlC();
            assertThat(bob.client.readUntilClosed()).anyMatch(line -> line.contains("shutting down"));
        }
        server.awaitExit(EXIT_LIMIT);
        assertServerGone();
    }

    /** Nobody listens any more, and in this JVM no thread of the server is left. */
    private void assertServerGone() throws Exception {
        assertThatThrownBy(() -> OtherLoopback.connect(server.host(), server.port())).isInstanceOf(ConnectException.class);
        if (server instanceof InProcessOperated own) {
            await().atMost(Duration.ofSeconds(10)).until(() -> own.leftoverThreads().isEmpty());
            List<String> log = Files.readAllLines(own.logFile());
            assertThat(log.get(log.size() - 1)).contains("stopped");
        }
    }
}
