package labs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The TCP Echo Protocol (RFC 862), checked only through the socket, so that it grades any echo
 * server: the labs' own, or a student's program in any language given as
 * {@code -Dlab.server.command="python3 echo.py --port {port}"}.
 *
 * <p>Thread safety: each test runs in one JUnit thread; the one test that sends from a second
 * thread (a CompletableFuture) hands it only the client's output side, while this thread reads.
 */
public abstract class EchoContract extends ServerContract {
    @Test
    void echoesText() throws IOException {
        try (TestClient client = TestClient.connect(server)) {
            client.send("hello, сервер");
            assertThat(client.readLine()).isEqualTo("hello, сервер");
            client.send("second line");
            assertThat(client.readLine()).isEqualTo("second line");
        }
    }

    @Test
    void echoesEveryByteValueUnchanged() throws IOException {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (TestClient client = TestClient.connect(server)) {
            client.sendRaw(all);
            assertThat(client.readBytes(all.length)).isEqualTo(all);
        }
    }

    @Test
    void echoesOneMebibyteWithoutANewline() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(862).nextBytes(data);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                data[i] = 'n';
            }
        }
        try (TestClient client = TestClient.connect(server)) {
            // Send from another thread: the server echoes while we are still sending, and if nobody
            // read the echo meanwhile, both sides' buffers would fill and both would wait forever.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    client.sendRaw(data);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(client.readBytes(data.length)).isEqualTo(data);
            sending.join();
        }
    }

    @Test
    void servesTheNextClientAfterTheFirstLeaves() throws IOException {
        try (TestClient first = TestClient.connect(server)) {
            first.send("first");
            assertThat(first.readLine()).isEqualTo("first");
        }
        try (TestClient second = TestClient.connect(server)) {
            second.send("second");
            assertThat(second.readLine()).isEqualTo("second");
        }
    }

    @Test
    void sendsNothingOfItsOwn() throws IOException {
        try (TestClient client = TestClient.connect(server)) {
            assertThat(client.staysSilentFor(java.time.Duration.ofMillis(300))).isTrue();
            client.sendRaw("x".getBytes(StandardCharsets.US_ASCII));
            assertThat(client.readBytes(1)).containsExactly('x');
        }
    }
}
