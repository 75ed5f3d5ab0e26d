package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console the server logs to stops reading: a pipe nobody drains, Ctrl+S in a terminal, a
 * selection in a Windows console. Clients must go on being served and the server must still stop.
 */
class HostileConsoleTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aConsoleThatBlocksForEverStopsNeitherTheClientsNorTheShutdown() throws Exception {
        EventLogTest.StuckStream stuck = new EventLogTest.StuckStream();
        EventLog log = new EventLog(new PrintStream(stuck, true, StandardCharsets.UTF_8), dir.resolve("server.log"),
                false, Clock.systemDefaultZone());
        TcpServer server = new TcpServerTest.LineEchoServer(ServerConfig.anyFreePort(), log, TcpServerTest.LINE_ECHO);
        try {
            assertTimeoutPreemptively(BOUND, () -> {
                server.start();
                stuck.awaitStuck();
                for (int i = 0; i < 3; i++) {
                    try (TestClient client = TestClient.connect("127.0.0.1", server.localPort())) {
                        client.send("still served " + i);
                        assertThat(client.readLine()).isEqualTo("still served " + i);
                    }
                }
                server.stop();
                assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
                log.close(); // what the shutdown hook does last: bounded even though the console never drains
            });
            assertThat(Files.readAllLines(log.file())).anyMatch(line -> line.endsWith("stopped: 3 client(s) served"));
        } finally {
            stuck.release();
            server.stop();
        }
    }
}
