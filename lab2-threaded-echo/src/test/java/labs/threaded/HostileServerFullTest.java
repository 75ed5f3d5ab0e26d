package labs.threaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;

/**
 * One client too many. The echo port is RFC 862, where every byte comes back; the one line
 * {@code ! server full …} is the documented exception (docs/protocol.md), so that a student with
 * nc sees why the connection closed. The clients already connected go on.
 */
class HostileServerFullTest {
    @Test
    void theClientOverTheCapReadsExactlyOneLineAndTheOthersGoOn() throws IOException {
        try (InProcessServer server = InProcessServer.start(ServerConfig.anyFreePort().withMaxClients(2),
                (config, log) -> new ThreadedEchoServer(config, log, ThreadPerClientServer.Threads.PLATFORM));
             TestClient a = TestClient.connect(server);
             TestClient b = TestClient.connect(server)) {
            a.send("a");
            b.send("b");
            assertThat(a.readLine()).isEqualTo("a");
            assertThat(b.readLine()).isEqualTo("b");
            try (TestClient third = TestClient.connect(server)) {
                third.send("let me in");
                assertThat(third.readUntilClosed()).containsExactly("! server full (2 clients); try again later");
            }
            a.send("still here");
            assertThat(a.readLine()).isEqualTo("still here");
        }
    }
}
