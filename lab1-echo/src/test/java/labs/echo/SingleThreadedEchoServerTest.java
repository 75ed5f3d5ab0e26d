package labs.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one thread cannot do: serve a second client while the first is connected. */
class SingleThreadedEchoServerTest {
    private InProcessServer server;

    @BeforeEach
    void start() throws IOException {
        server = InProcessServer.start(ServerConfig.anyFreePort(), SingleThreadedEchoServer::new);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aSecondClientWaitsUntilTheFirstLeaves() throws IOException {
        try (TestClient a = TestClient.connect(server); TestClient b = TestClient.connect(server)) {
            a.send("a is here");
            assertThat(a.readLine()).isEqualTo("a is here");

            // B's connect succeeded (the system completed it; it waits in the backlog), but nobody reads B.
            b.send("b is waiting");
            assertThat(b.staysSilentFor(Duration.ofMillis(500))).isTrue();

            a.close(); // A leaves: the one thread goes back to accept() and takes B
            assertThat(b.readLine()).isEqualTo("b is waiting");
        }
    }

    @Test
    void oneThreadDoesEverything() throws IOException {
        try (TestClient client = TestClient.connect(server)) {
            client.send("hi");
            assertThat(client.readLine()).isEqualTo("hi");
        }
        server.close();
        assertThat(server.log().lines())
                .filteredOn(line -> line.contains("client-1"))
                .isNotEmpty()
                .allMatch(line -> line.contains("[acceptor]"));
        assertThat(server.log().contains("client-1 received 3 bytes")).isTrue();
        assertThat(server.log().contains("client-1 sent 3 bytes")).isTrue();
    }

    @Test
    void stopEndsTheServerEvenWhileAClientIsConnected() throws Exception {
        try (TestClient client = TestClient.connect(server)) {
            client.send("x");
            assertThat(client.readLine()).isEqualTo("x");
            server.server().stop();
            assertThat(server.server().awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(client.readUntilClosed()).isEmpty();
        }
    }
}
