package labs.threaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.ServerLauncher;
import org.junit.jupiter.api.Test;

/** The server's command line: the same rules as every server of the labs. */
class ThreadedEchoServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerLauncher.run(args, ThreadPerClientServer.withThreadsOption(Options.forServer("lab2")),
                (options, log) -> new ThreadedEchoServer(ServerConfig.from(options), log,
                        ThreadPerClientServer.threadsFrom(options)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aPortInUseIsOneClearLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(run("--port", Integer.toString(taken.getLocalPort()))).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).trim()).matches("error: port \\d+ on 127.0.0.1 is already in use");
    }

    @Test
    void aBadThreadsValueIsAUsageError() {
        assertThat(run("--threads", "green")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --threads must be one of platform, virtual");
    }
}
