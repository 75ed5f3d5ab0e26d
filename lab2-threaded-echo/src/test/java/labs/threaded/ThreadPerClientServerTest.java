package labs.threaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import labs.common.ConnectionHandler;
import labs.common.EventLog;
import labs.common.LineReader;
import labs.common.LineWriter;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.UsageException;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import labs.echo.EchoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadPerClientServerTest {
    private InProcessServer server;
    private final Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();

    private InProcessServer start(ThreadPerClientServer.Threads threads) throws IOException {
        return start(threads, log -> new EchoHandler(log));
    }

    private InProcessServer start(ThreadPerClientServer.Threads threads, Function<EventLog, ConnectionHandler> handler) throws IOException {
        server = InProcessServer.start(ServerConfig.anyFreePort(), (config, log) -> new ThreadPerClientServer(
                "test echo", config, log, connection -> {
                    handlerThreads.add(Thread.currentThread());
                    handler.apply(log).handle(connection);
                }, threads));
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachClientIsServedByItsOwnNamedThread() throws IOException {
        start(ThreadPerClientServer.Threads.PLATFORM);
        try (TestClient a = TestClient.connect(server); TestClient b = TestClient.connect(server)) {
            a.send("a");
            b.send("b");
            assertThat(a.readLine()).isEqualTo("a");
            assertThat(b.readLine()).isEqualTo("b");
            assertThat(handlerThreads).hasSize(2).extracting(Thread::getName)
                    .anyMatch(name -> name.equals("client-1 127.0.0.1:" + a.localPort()))
                    .anyMatch(name -> name.equals("client-2 127.0.0.1:" + b.localPort()));
        }
        assertThat(server.log().lines()).anyMatch(line -> line.contains("[acceptor] client-1 127.0.0.1:") && line.contains("connected"))
                .anyMatch(line -> line.contains("[client-1 127.0.0.1:") && line.contains("client-1 received 2 bytes"));
    }

    @Test
    void aClientThatResetsOrVanishesMidSendHarmsNobodyAndItsThreadEnds() throws Exception {
        start(ThreadPerClientServer.Threads.PLATFORM);
        try (TestClient steady = TestClient.connect(server)) {
            TestClient crashing = TestClient.connect(server);
            crashing.send("about to crash");
            assertThat(crashing.readLine()).isEqualTo("about to crash");
            crashing.sendRaw(new byte[64 * 1024]); // half a conversation in flight...
            crashing.abort();                       // ...then a reset instead of a goodbye
            TestClient leaving = TestClient.connect(server);
            leaving.sendRaw("no newline and gone".getBytes());
            leaving.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> server.server().connectedClients() == 1);
            steady.send("still here");
            assertThat(steady.readLine()).isEqualTo("still here");
            await().atMost(Duration.ofSeconds(10)).until(() -> handlerThreads.stream().filter(Thread::isAlive).count() == 1);
        }
    }

    /** Q2: a client that is already connected goes on, on its own thread, while another client's handler throws. */
    @Test
    void aHandlerThatThrowsEndsOnlyItsOwnClient() throws IOException {
        start(ThreadPerClientServer.Threads.PLATFORM, log -> connection -> {
            LineReader in = new LineReader(connection.input());
            LineWriter out = new LineWriter(connection.output());
            String line;
            while ((line = in.readLine()) != null) {
                if ("boom".equals(line)) {
                    throw new IllegalStateException("bug in handler");
                }
                out.writeLine(line);
            }
        });
        try (TestClient good = TestClient.connect(server)) {
            good.send("before");
            assertThat(good.readLine()).isEqualTo("before"); // good's thread is now inside its handler
            try (TestClient bad = TestClient.connect(server)) {
                bad.send("boom");
                assertThat(bad.readUntilClosed()).isEmpty();
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.log().lines().stream().anyMatch(line -> line.contains("bug in handler")));
            await().atMost(Duration.ofSeconds(10)).until(() -> handlerThreads.stream().filter(Thread::isAlive).count() == 1);
            good.send("after"); // same connection, same thread, after the other handler threw
            assertThat(good.readLine()).isEqualTo("after");
            assertThat(server.server().connectedClients()).isEqualTo(1);
        }
    }

    @Test
    void stopLeavesNoClientThreadAlive() throws Exception {
        start(ThreadPerClientServer.Threads.PLATFORM);
        TestClient[] clients = new TestClient[5];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = TestClient.connect(server);
            clients[i].send("hello " + i);
            assertThat(clients[i].readLine()).isEqualTo("hello " + i);
        }
        server.close(); // stop() and awaitTermination()
        assertThat(handlerThreads).hasSize(5).noneMatch(Thread::isAlive);
        assertThat(server.server().clientsServed()).isEqualTo(5);
        assertThat(server.log().lines().get(server.log().lines().size() - 1)).endsWith("stopped: 5 client(s) served");
        for (TestClient client : clients) {
            assertThat(client.readUntilClosed()).isEmpty();
            client.close();
        }
    }

    @Test
    void virtualThreadsServeTheSameHandlerWhenTheJdkHasThem() throws Exception {
        assumeTrue(ThreadPerClientServer.virtualThreadsAvailable(), "virtual threads need JDK 21+");
        start(ThreadPerClientServer.Threads.VIRTUAL);
        try (TestClient client = TestClient.connect(server)) {
            client.send("virtually");
            assertThat(client.readLine()).isEqualTo("virtually");
        }
        Thread served = handlerThreads.iterator().next();
        assertThat(Thread.class.getMethod("isVirtual").invoke(served)).isEqualTo(true);
        assertThat(served.getName()).startsWith("client-1 ");
    }

    @Test
    void threadsOptionIsCheckedAgainstTheRunningJdk() throws UsageException {
        Options options = ThreadPerClientServer.withThreadsOption(Options.forServer("s"));
        assertThat(ThreadPerClientServer.threadsFrom(options.parse())).isEqualTo(ThreadPerClientServer.Threads.PLATFORM);
        Options virtual = ThreadPerClientServer.withThreadsOption(Options.forServer("s")).parse("--threads", "virtual");
        if (ThreadPerClientServer.virtualThreadsAvailable()) {
            assertThat(ThreadPerClientServer.threadsFrom(virtual)).isEqualTo(ThreadPerClientServer.Threads.VIRTUAL);
        } else {
            assertThatThrownBy(() -> ThreadPerClientServer.threadsFrom(virtual))
                    .hasMessageStartingWith("--threads virtual needs JDK 21 or newer");
        }
        Options wrong = ThreadPerClientServer.withThreadsOption(Options.forServer("s")).parse("--threads", "green");
        assertThatThrownBy(() -> ThreadPerClientServer.threadsFrom(wrong)).isInstanceOf(UsageException.class);
    }
}
