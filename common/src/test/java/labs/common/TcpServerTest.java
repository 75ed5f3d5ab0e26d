package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import labs.common.testing.CapturedLog;
import labs.common.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpServerTest {
    private final CapturedLog log = new CapturedLog();
    private TcpServer server;

    /** A line echo served by a thread per client: enough to exercise the lifecycle. */
    static final class LineEchoServer extends TcpServer {
        LineEchoServer(ServerConfig config, EventLog log, ConnectionHandler handler) {
            super("test server", config, log, handler);
        }

        @Override
        protected void dispatch(Connection connection) {
            startWorker(connection, new Thread(clientTask(connection), connection.label()));
        }
    }

    static final ConnectionHandler LINE_ECHO = connection -> {
        LineReader in = new LineReader(connection.input());
        LineWriter out = new LineWriter(connection.output());
        String line;
        while ((line = in.readLine()) != null) {
            out.writeLine(line);
        }
    };

    private TcpServer start(ServerConfig config, ConnectionHandler handler) throws IOException {
        server = new LineEchoServer(config, log.eventLog(), handler);
        server.start();
        return server;
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.stop();
            assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void portZeroGetsAFreePortThatAnswers() throws IOException {
        start(ServerConfig.anyFreePort(), LINE_ECHO);
        assertThat(server.localPort()).isPositive();
        assertThat(server.isListening()).isTrue();
        try (TestClient client = TestClient.connect("127.0.0.1", server.localPort())) {
            client.send("hi");
            assertThat(client.readLine()).isEqualTo("hi");
        }
        assertThat(log.contains("listening on 127.0.0.1:" + server.localPort())).isTrue();
    }

    @Test
    void stopClosesEveryConnectionAndEndsEveryThread() throws Exception {
        start(ServerConfig.anyFreePort(), LINE_ECHO);
        try (TestClient a = TestClient.connect("127.0.0.1", server.localPort());
             TestClient b = TestClient.connect("127.0.0.1", server.localPort())) {
            a.send("x");
            b.send("y");
            assertThat(a.readLine()).isEqualTo("x");
            assertThat(b.readLine()).isEqualTo("y");
            assertThat(server.connectedClients()).isEqualTo(2);
            server.stop();
            assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(a.readUntilClosed()).isEmpty();
            assertThat(b.readUntilClosed()).isEmpty();
        }
        assertThat(server.isStopped()).isTrue();
        assertThat(server.clientsServed()).isEqualTo(2);
        assertThat(log.lines()).anyMatch(line -> line.contains("disconnected: server stopping"))
                .anyMatch(line -> line.endsWith("stopped: 2 client(s) served"));
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("client-") || thread.getName().equals("acceptor"));
        server.stop(); // a second stop does nothing
    }

    @Test
    void theClientOverTheCapIsToldWhyAndOthersGoOn() throws IOException {
        start(ServerConfig.anyFreePort().withMaxClients(1), LINE_ECHO);
        try (TestClient first = TestClient.connect("127.0.0.1", server.localPort())) {
            first.send("one");
            assertThat(first.readLine()).isEqualTo("one");
            try (TestClient second = TestClient.connect("127.0.0.1", server.localPort())) {
                assertThat(second.readLine()).isEqualTo("! server full (1 clients); try again later");
                assertThat(second.readLine()).isNull();
            }
            first.send("two");
            assertThat(first.readLine()).isEqualTo("two");
        }
    }

    @Test
    void aTakenPortIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            TcpServer second = new LineEchoServer(new ServerConfig("127.0.0.1", taken.getLocalPort(), 5), log.eventLog(), LINE_ECHO);
            assertThatThrownBy(second::start).isInstanceOf(BindException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
            assertThatThrownBy(second::localPort).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anAddressThatCannotBeBoundIsAClearError() {
        TcpServer server = new LineEchoServer(new ServerConfig("192.0.2.1", 0, 5), log.eventLog(), LINE_ECHO);
        assertThatThrownBy(server::start).isInstanceOf(BindException.class).hasMessageStartingWith("cannot listen on 192.0.2.1:0");
    }

    @Test
    void pauseRefusesNewClientsWhileConnectedOnesGoOnAndResumeUsesTheSamePort() throws Exception {
        start(ServerConfig.anyFreePort(), LINE_ECHO);
        int port = server.localPort();
        try (TestClient connected = TestClient.connect("127.0.0.1", port)) {
            connected.send("before");
            assertThat(connected.readLine()).isEqualTo("before");
            assertThat(server.stopListening()).isTrue();
            assertThat(server.stopListening()).isFalse();
            assertThat(server.isListening()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            connected.send("while paused");
            assertThat(connected.readLine()).isEqualTo("while paused");
            assertThat(server.startListening()).isTrue();
            assertThat(server.startListening()).isFalse();
            assertThat(server.localPort()).isEqualTo(port);
            try (TestClient later = TestClient.connect("127.0.0.1", port)) {
                later.send("after");
                assertThat(later.readLine()).isEqualTo("after");
            }
        }
    }

    @Test
    void resumeWhenThePortWasTakenStaysPaused() throws Exception {
        start(ServerConfig.anyFreePort(), LINE_ECHO);
        int port = server.localPort();
        server.stopListening();
        try (ServerSocket intruder = new ServerSocket()) {
            intruder.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            assertThatThrownBy(server::startListening).isInstanceOf(BindException.class).hasMessageContaining("already in use");
            assertThat(server.isListening()).isFalse();
        }
        assertThat(server.startListening()).isTrue();
    }

    @Test
    void stopWhilePausedEndsEverything() throws Exception {
        start(ServerConfig.anyFreePort(), LINE_ECHO);
        server.stopListening();
        server.stop();
        assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(server.startListening()).isFalse();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awaitTerminationBeforeStopTimesOut() throws Exception {
        start(ServerConfig.anyFreePort(), LINE_ECHO);
        assertThat(server.awaitTermination(Duration.ofMillis(50))).isFalse();
        assertThat(server.uptime()).isPositive();
    }

    @Test
    void aHandlerThatThrowsEndsOnlyItsOwnClient() throws IOException {
        CountDownLatch failed = new CountDownLatch(1);
        start(ServerConfig.anyFreePort(), connection -> {
            LineReader in = new LineReader(connection.input());
            LineWriter out = new LineWriter(connection.output());
            String line;
            while ((line = in.readLine()) != null) {
                if ("boom".equals(line)) {
                    failed.countDown();
                    throw new IllegalStateException("bug in handler");
                }
                out.writeLine(line);
            }
        });
        try (TestClient bad = TestClient.connect("127.0.0.1", server.localPort())) {
            bad.send("boom");
            assertThat(bad.readUntilClosed()).isEmpty();
        }
        try (TestClient good = TestClient.connect("127.0.0.1", server.localPort())) {
            good.send("hello");
            assertThat(good.readLine()).isEqualTo("hello");
        }
        // The client sees the close before the server logs why: wait for the log line.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> log.contains("error in handler: java.lang.IllegalStateException: bug in handler"));
    }

    @Test
    void aResetByTheClientIsLoggedAsSuch() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        start(ServerConfig.anyFreePort(), connection -> {
            reading.countDown();
            connection.input().read();
            connection.input().read(); // the RST makes this throw
        });
        TestClient client = TestClient.connect("127.0.0.1", server.localPort());
        client.sendRaw(new byte[] {1});
        reading.await();
        client.abort();
        await().atMost(Duration.ofSeconds(10)).until(() -> log.contains("disconnected:"));
        assertThat(server.connectedClients()).isZero();
    }
}
