package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.chat.ChatServer;
import labs.chat.ChatSettings;
import labs.common.EventLog;
import labs.common.ServerConfig;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * The races between the operator's thread, the shutdown hook and the acceptor, each forced to
 * its worst interleaving by stopping one thread in the middle of a log line ({@link LogGate}).
 */
class ChatServerControlTest {
    @TempDir
    Path dataDir;

    private final LogGate gate = new LogGate();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private ChatServer server;
    private ChatServerControl control;

    @BeforeEach
    void start() throws IOException {
        EventLog log = new EventLog(null,
                dataDir.resolve("server.log"), false, Clock.systemDefaultZone(), gate);
        server = new ChatServer(ServerConfig.anyFreePort(), log, AuthSettings.forTests(dataDir),
                ChatSettings.defaults().withoutFloodLimit(), Threads.PLATFORM);
        control = new ChatServerControl(server, log, Duration.ofSeconds(3), Duration.ofSeconds(10));
        server.start();
    }

    @AfterEach
    void stop() {
        gate.open();
        control.shutdown();
    }

    /**
     * Pause while the acceptor is between accept() and handing the client to its thread.
     * <pre>
     *   client A: accepted before the pause          served                      acceptable
     *   client B: in the system's queue, not accepted reset, never served         acceptable (documented)
     *   client C: connects after the pause            refused                     acceptable
     *   an accepted client left unserved, a stuck acceptor, an exception          forbidden
     * </pre>
     */
    @Test
    void pauseWhileAnAcceptIsInProgress() throws Exception {
        int port = server.localPort();
        gate.arm("[acceptor] client-1 ");
        try (TestClient a = TestClient.connect("127.0.0.1", port)) {
            gate.awaitReached(); // the acceptor has accepted A and stands in the middle of admitting it
            try (TestClient b = TestClient.connect("127.0.0.1", port)) {
                assertThat(control.pause()).isTrue();
                assertThatThrownBy(() -> OtherLoopback.connect("127.0.0.1", port)).isInstanceOf(ConnectException.class);
                gate.open();

                assertThat(a.readLine()).startsWith("* welcome");
                assertThat(b.readUntilClosed()).as("B was never accepted").isEmpty();
            }
        }
        assertThat(control.resume()).isTrue();
        try (ChatUser dora = ChatUser.register("127.0.0.1", port, "dora")) {
            assertThat(control.status().usersOnline()).isEqualTo(1);
        }
    }

    @Test
    void resumeOnAPortTakenMeanwhileStaysPaused() throws Exception {
        int port = server.localPort();
        assertThat(control.pause()).isTrue();
        try (ServerSocket intruder = new ServerSocket()) {
            intruder.bind(new InetSocketAddress("127.0.0.1", port));
            assertThatThrownBy(control::resume).isInstanceOf(BindException.class).hasMessageContaining("already in use");
            assertThat(control.status().listening()).isFalse();
        }
        assertThat(control.resume()).isTrue();
        assertThat(control.status().listening()).isTrue();
        assertThat(control.status().port()).isEqualTo(port);
    }

    /**
     * Ctrl+C's hook and the operator's shutdown (or a resume) at the same moment. The first
     * shutdown is stopped while it announces the goodbye, after it has stopped listening.
     * <pre>
     *   second shutdown waits, then returns false; the server has stopped by then     acceptable
     *   resume waits, then returns false: the port stays closed                        acceptable
     *   two shutdowns both acting, a resume reopening the port of a closing server     forbidden
     * </pre>
     */
    @Test
    void aSecondShutdownAndAResumeWaitForTheFirstShutdownAndDoNothing() throws Exception {
        try (ChatUser alice = ChatUser.register("127.0.0.1", server.localPort(), "alice")) {
            AtomicBoolean first = new AtomicBoolean();
            AtomicBoolean second = new AtomicBoolean(true);
            AtomicBoolean resumed = new AtomicBoolean(true);
            gate.arm("announced to");
            Thread hook = start("shutdown-hook", () -> first.set(control.shutdown()));
            gate.awaitReached();
            Thread operator = start("operator", () -> second.set(control.shutdown()));
            Thread resumer = start("resumer", () -> resumed.set(control.resume()));
            await().until(() -> operator.getState() == Thread.State.BLOCKED && resumer.getState() == Thread.State.BLOCKED);
            assertThatThrownBy(() -> OtherLoopback.connect("127.0.0.1", server.localPort())).isInstanceOf(ConnectException.class);

            gate.open();
            for (Thread thread : new Thread[] {hook, operator, resumer}) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(resumed).isFalse();
            assertThat(server.isStopped()).isTrue();
            assertThat(control.terminatedCleanly()).isTrue();
            assertThat(alice.client.readUntilClosed()).contains("* " + ChatServerControl.GOODBYE);
            assertThatThrownBy(() -> OtherLoopback.connect("127.0.0.1", server.localPort())).isInstanceOf(ConnectException.class);
        }
    }

    /** The drain is woken by the last client leaving (no polling), and each leaves because the server stops. */
    @Test
    void theShutdownWaitsForTheLastClientAndEachLeavesBecauseTheServerStops() throws Exception {
        try (ChatUser alice = ChatUser.register("127.0.0.1", server.localPort(), "alice");
             ChatUser bob = ChatUser.register("127.0.0.1", server.localPort(), "bob")) {
            assertThat(control.shutdown()).isTrue();
            assertThat(control.terminatedCleanly()).isTrue();
            assertThat(alice.client.readUntilClosed()).contains("* " + ChatServerControl.GOODBYE);
            assertThat(bob.client.readUntilClosed()).contains("* " + ChatServerControl.GOODBYE);
        }
        assertThat(java.nio.file.Files.readAllLines(dataDir.resolve("server.log")).stream()
                .filter(line -> line.contains(" disconnected: ")))
                .hasSize(2).allMatch(line -> line.contains("disconnected: server stopping"));
    }

    @Test
    void afterShutdownNothingReopensAndStatusSaysStopped() throws IOException {
        assertThat(control.shutdown()).isTrue();
        assertThat(control.shutdown()).isFalse();
        assertThat(control.pause()).isFalse();
        assertThat(control.resume()).isFalse();
        assertThat(control.status().stopped()).isTrue();
    }

    private interface Step {
        void run() throws Exception;
    }

    private Thread start(String name, Step step) {
        Thread thread = new Thread(() -> {
            try {
                step.run();
            } catch (Exception e) {
                failures.add(e);
            }
        }, name);
        thread.start();
        return thread;
    }
}
