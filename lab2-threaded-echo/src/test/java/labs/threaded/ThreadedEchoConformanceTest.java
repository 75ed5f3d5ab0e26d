package labs.threaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import labs.common.ServerConfig;
import labs.common.testing.ServerUnderTest;
import labs.common.testing.TestClient;
import labs.conformance.EchoContract;
import org.junit.jupiter.api.Test;

/**
 * Lab 2's server against lab 1's echo contract, plus what lab 1 cannot do: serve clients at the
 * same time. Socket-level only, so it grades any program given with -Dlab.server.command.
 */
class ThreadedEchoConformanceTest extends EchoContract {
    static final int CLIENTS = 200;
    static final int LINES = 100;

    @Override
    protected ServerUnderTest.Factory ownServer() {
        return (config, log) -> new ThreadedEchoServer(config.withMaxClients(ServerConfig.DEFAULT_MAX_CLIENTS * 3),
                log, ThreadPerClientServer.Threads.PLATFORM);
    }

    @Test
    void echoesClientBWhileClientAIsConnectedAndIdle() throws IOException {
        try (TestClient a = TestClient.connect(server); TestClient b = TestClient.connect(server)) {
            a.send("a says hi");
            assertThat(a.readLine()).isEqualTo("a says hi");
            b.send("b is not kept waiting");
            assertThat(b.readLine()).isEqualTo("b is not kept waiting");
        }
    }

    @Test
    void servesTwoHundredClientsAtOnceEveryLineExact() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(TestClient.connect(server)); // all connected before anyone sends
            }
            CyclicBarrier together = new CyclicBarrier(CLIENTS);
            List<Future<Integer>> echoed = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                TestClient client = clients.get(i);
                int number = i;
                echoed.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    int exact = 0;
                    for (int line = 0; line < LINES; line++) {
                        String text = "client " + number + " line " + line;
                        client.send(text);
                        if (text.equals(client.readLine())) {
                            exact++;
                        }
                    }
                    return exact;
                }));
            }
            for (Future<Integer> result : echoed) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(LINES);
            }
        } finally {
            pool.shutdownNow();
            for (TestClient client : clients) {
                client.close();
            }
        }
    }
}
