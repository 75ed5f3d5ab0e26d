package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ServerSocketFactory;

import labs.common.testing.CapturedLog;
import labs.common.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens around accept(): failures, errors, keep-alive, the end of every client. */
class HostileAcceptTest {
    private final CapturedLog log = new CapturedLog();
    private TcpServer server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.stop();
            assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        }
    }

    private TcpServer start(ServerSocketFactory sockets, ConnectionHandler handler) throws IOException {
        server = new TcpServerTest.LineEchoServer(ServerConfig.anyFreePort(), log.eventLog(), handler);
        server.useServerSockets(sockets);
        server.start();
        return server;
    }

    @Test
    void repeatedAcceptFailuresAreLoggedOnceWithACountAndTheServerRecovers() throws IOException {
        int failures = 6;
        start(failingFirst(failures, () -> new IOException("Too many open files")), TcpServerTest.LINE_ECHO);
        try (TestClient client = TestClient.connect("127.0.0.1", server.localPort())) { // waits in the backlog meanwhile
            client.send("served after all");
            assertThat(client.readLine()).isEqualTo("served after all");
        }
        assertThat(log.lines().stream().filter(line -> line.contains("accept failed")))
                .hasSize(2)
                .anyMatch(line -> line.endsWith("accept failed: IOException: Too many open files; retrying after a pause "
                        + "that doubles from 10 ms to 1000 ms (repeats are counted, not logged)"))
                .anyMatch(line -> line.endsWith("accept failed " + failures
                        + " time(s) in a row with IOException: Too many open files; accepting again"));
    }

    @Test
    void anErrorInAcceptIsLoggedAndTheAcceptorGoesOn() throws IOException {
        start(failingFirst(1, () -> new NoClassDefFoundError("Could not initialize class sun.nio.ch.FileDispatcherImpl")),
                TcpServerTest.LINE_ECHO);
        try (TestClient client = TestClient.connect("127.0.0.1", server.localPort())) {
            client.send("still accepting");
            assertThat(client.readLine()).isEqualTo("still accepting");
        }
        assertThat(log.contains("accept failed: NoClassDefFoundError: Could not initialize class")).isTrue();
    }

    @Test
    void anErrorInAHandlerIsLoggedAsTheReason() throws IOException {
        start(ServerSocketFactory.getDefault(), connection -> {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        });
        try (TestClient client = TestClient.connect("127.0.0.1", server.localPort())) {
            assertThat(client.readUntilClosed()).isEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> log.contains(
                "disconnected: error in handler: java.lang.OutOfMemoryError: Java heap space (thrown by the test) (0 connected)"));
    }

    @Test
    void acceptedSocketsHaveTcpKeepAliveOnAndNagleOff() throws Exception {
        CompletableFuture<Boolean> keepAlive = new CompletableFuture<>();
        CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
        start(ServerSocketFactory.getDefault(), connection -> {
            keepAlive.complete(connection.socket().getKeepAlive());
            noDelay.complete(connection.socket().getTcpNoDelay());
        });
        try (TestClient client = TestClient.connect("127.0.0.1", server.localPort())) {
            assertThat(keepAlive.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(noDelay.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void clientsThatLeaveDuringAShutdownAreLoggedAsLeavingBecauseOfIt() throws Exception {
        start(ServerSocketFactory.getDefault(), TcpServerTest.LINE_ECHO);
        try (TestClient a = TestClient.connect("127.0.0.1", server.localPort());
             TestClient b = TestClient.connect("127.0.0.1", server.localPort())) {
            a.send("a");
            b.send("b");
            assertThat(a.readLine()).isEqualTo("a");
            assertThat(b.readLine()).isEqualTo("b");
            assertThat(server.awaitNoConnections(Duration.ofMillis(1))).isFalse();
            server.beginStopping();
            for (Connection connection : server.connections()) {
                connection.socket().shutdownInput(); // as lab 5's shutdown does: each conversation ends the ordinary way
            }
            assertThat(server.awaitNoConnections(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(log.lines().stream().filter(line -> line.contains("disconnected:")))
                .hasSize(2).allMatch(line -> line.contains("disconnected: server stopping"));
    }

    @Test
    void theConnectedCountsInTheLogNeverRunBackwards() throws Exception {
        start(ServerSocketFactory.getDefault(), TcpServerTest.LINE_ECHO);
        for (int round = 0; round < 20; round++) {
            try (TestClient a = TestClient.connect("127.0.0.1", server.localPort());
                 TestClient b = TestClient.connect("127.0.0.1", server.localPort())) {
                a.send("x");
                b.send("y");
                a.readLine();
                b.readLine();
            }
            assertThat(server.awaitNoConnections(Duration.ofSeconds(10))).isTrue();
        }
        int previous = 0;
        for (String line : log.lines()) {
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("(connected|disconnected: .*) \\((\\d+) connected\\)$").matcher(line);
            if (count.find()) {
                int now = Integer.parseInt(count.group(2));
                assertThat(Math.abs(now - previous)).as(line).isEqualTo(1);
                previous = now;
            }
        }
    }

    /** Listening sockets whose accept() throws {@code failure} the first {@code times} times, as under EMFILE. */
    static ServerSocketFactory failingFirst(int times, java.util.function.Supplier<Throwable> failure) {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    private int left = times; // only the acceptor calls accept()

                    @Override
                    public Socket accept() throws IOException {
                        if (left > 0) {
                            left--;
                            Throwable e = failure.get();
                            if (e instanceof IOException io) {
                                throw io;
                            }
                            throw (Error) e;
                        }
                        return super.accept();
                    }
                };
            }

            @Override
            public ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
