package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import labs.common.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * More clients than the server has file descriptors ({@code --max-clients} above {@code ulimit -n}).
 * A child JVM runs under {@code prlimit --nofile}; it is bounded in time and destroyed by its pid.
 */
@EnabledOnOs(OS.LINUX)
class HostileDescriptorTest {
    private static final int DESCRIPTORS = 64;
    private static final int CLIENTS = 120;

    @TempDir
    Path dir;

    @Test
    void runningOutOfDescriptorsLogsABoundedNumberOfLinesAndTheServerServesAgainAfterwards() throws Exception {
        Path log = dir.resolve("server.log");
        Path out = dir.resolve("stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder("/usr/bin/prlimit", "--nofile=" + DESCRIPTORS + ":" + DESCRIPTORS, "--",
                java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), DescriptorStarvedServer.class.getName(), log.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> read(out).contains("port "));
            int port = Integer.parseInt(read(out).lines().filter(l -> l.startsWith("port ")).findFirst().orElseThrow().substring(5).trim());
            List<TestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) { // the last ones wait in the backlog: accept() fails with EMFILE
                    clients.add(TestClient.connect("127.0.0.1", port));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("Too many open files"));
                clients.get(0).send("an accepted client is still served");
                assertThat(clients.get(0).readLine()).isEqualTo("an accepted client is still served");
            } finally {
                for (TestClient client : clients) {
                    client.close();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("accepting again"));
            try (TestClient later = TestClient.connect("127.0.0.1", port)) {
                later.send("served after the clients left");
                assertThat(later.readLine()).isEqualTo("served after the clients left");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("disconnected: client closed the connection (0 connected)"));
            // Tens of thousands of failed accepts happen meanwhile without the pause; each kind is logged twice at most.
            assertThat(read(log).lines().filter(line -> line.contains("accept failed"))).hasSizeBetween(2, 4);
        } catch (AssertionError | RuntimeException e) {
            System.err.println(read(log).lines().filter(l -> !l.contains(" connected (")).limit(60).reduce("", (a, b) -> a + b + "\n"));
            throw e;
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
