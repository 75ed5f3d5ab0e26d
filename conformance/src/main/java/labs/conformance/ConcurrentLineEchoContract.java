package labs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The assignment's task 3 (several clients at once) at the line-echo level of
 * {@link LineEchoContract}: a second client is answered while the first is connected and idle,
 * fifty clients are served at once, and a client that resets its connection harms nobody.
 *
 * <p>Thread safety: each client is confined to one thread: the JUnit thread, or in the fifty
 * clients test the pool task it was handed to; results come back through futures.
 */
public abstract class ConcurrentLineEchoContract extends ServerContract {
    static final int CLIENTS = 50;
    static final int LINES = 20;
    static final Duration IDLE_WAIT = Duration.ofSeconds(3);

    @Test
    void answersBWhileAIsConnectedAndIdle() throws IOException {
        try (LineEchoClient a = LineEchoClient.connect(server, LineEchoContract.REPLY_TIMEOUT);
             LineEchoClient b = LineEchoClient.connect(server, IDLE_WAIT)) {
            assertThat(a.echo("a says hi")).isEqualTo("a says hi");
            try {
                assertThat(b.echo("b is not kept waiting")).isEqualTo("b is not kept waiting");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("B got no answer within " + IDLE_WAIT.toSeconds()
                        + " s while A was connected and idle: clients are served one at a time", e);
            }
        }
    }

    @Test
    void servesFiftyClientsAtOnceTwentyLinesEach() throws Exception {
        List<LineEchoClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(LineEchoClient.connect(server, LineEchoContract.REPLY_TIMEOUT)); // all connected before anyone sends
            }
            CyclicBarrier together = new CyclicBarrier(CLIENTS);
            List<Future<Integer>> echoed = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                LineEchoClient client = clients.get(i);
                int number = i;
                echoed.add(pool.submit(() -> exactEchoes(client, number, together)));
            }
            int servedFully = 0;
            for (Future<Integer> result : echoed) {
                if (result.get(60, TimeUnit.SECONDS) == LINES) {
                    servedFully++;
                }
            }
            assertThat(servedFully).as("clients of %d that got all %d lines back", CLIENTS, LINES).isEqualTo(CLIENTS);
        } finally {
            pool.shutdownNow();
            for (LineEchoClient client : clients) {
                client.close();
            }
        }
    }

    private static int exactEchoes(LineEchoClient client, int number, CyclicBarrier together) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        int exact = 0;
        try {
            for (int line = 0; line < LINES; line++) {
                String text = "client " + number + " line " + line;
                if (text.equals(client.echo(text))) {
                    exact++;
                }
            }
        } catch (IOException stopped) {
            // A client that got no answer counts the lines it did get.
        }
        return exact;
    }

    @Test
    void aClientThatResetsLeavesTheOthersUnharmed() throws IOException {
        try (LineEchoClient a = LineEchoClient.connect(server, LineEchoContract.REPLY_TIMEOUT)) {
            assertThat(a.echo("before the reset")).isEqualTo("before the reset");
            TestClient crashing = TestClient.connect(server);
            crashing.sendRaw("half a li".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            crashing.abort();
            assertThat(a.echo("after the reset")).isEqualTo("after the reset");
        }
        try (LineEchoClient next = LineEchoClient.connect(server, LineEchoContract.REPLY_TIMEOUT)) {
            assertThat(next.echo("a newcomer after the reset")).isEqualTo("a newcomer after the reset");
        }
    }
}
