package labs.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;

/**
 * One client too many, on lab 1. The one line {@code ! server full …} is the documented exception
 * to RFC 862 on the echo port (docs/protocol.md), but lab 1 never needs it: its only thread is
 * busy with the client it serves, so the next one waits in the system's backlog instead of being
 * refused, and its first line back is its own echo.
 */
class HostileServerFullTest {
    @Test
    void theClientOverTheCapWaitsAndIsNeverToldTheServerIsFull() throws IOException {
        try (InProcessServer server = InProcessServer.start(ServerConfig.anyFreePort().withMaxClients(1), SingleThreadedEchoServer::new);
             TestClient second = connectSecondWhileTheFirstIsServed(server)) {
            assertThat(second.readLine()).isEqualTo("second").isNotEqualTo("! server full (1 clients); try again later");
            assertThat(server.log().lines()).noneMatch(line -> line.contains("refused: server full"));
        }
    }

    private static TestClient connectSecondWhileTheFirstIsServed(InProcessServer server) throws IOException {
        TestClient second;
        try (TestClient first = TestClient.connect(server)) {
            first.send("first");
            assertThat(first.readLine()).isEqualTo("first");
            second = TestClient.connect(server);
            second.send("second");
        }
        return second; // the first has left: the one thread takes the second from the backlog
    }
}
