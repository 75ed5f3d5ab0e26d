package labs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ServerLauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<TcpServer> created = new AtomicReference<>();

    private final ServerLauncher.Factory factory = (options, log) -> {
        TcpServer server = new TcpServer("test server", ServerConfig.from(options), log, connection -> { }) {
            @Override
            protected void dispatch(Connection connection) {
                clientTask(connection).run();
            }
        };
        created.set(server);
        return server;
    };

    private int run(String... args) {
        return ServerLauncher.run(args, Options.forServer("test-server"), factory,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: test-server [options]");
        assertThat(created.get()).isNull();
    }

    @Test
    void aBadOptionIsOneLineOfErrorThenUsageAndExitCode2() {
        assertThat(run("--port", "-1")).isEqualTo(ServerLauncher.BAD_USAGE);
        assertThat(err().lines().findFirst()).contains("error: --port must be between 0 and 65535, not -1");
        assertThat(err()).contains("usage: test-server").doesNotContain("Exception");
    }

    @Test
    void aTakenPortIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(run("--port", String.valueOf(taken.getLocalPort()))).isEqualTo(ServerLauncher.CANNOT_START);
            assertThat(err()).isEqualTo("error: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"
                    + System.lineSeparator());
        }
    }

    @Test
    void anUnusableLogFileIsOneLineAndExitCode1() throws Exception {
        java.nio.file.Path notAFolder = java.nio.file.Files.createTempFile("not-a-folder", ".txt");
        try {
            assertThat(run("--log-file", notAFolder.resolve("x.log").toString())).isEqualTo(ServerLauncher.CANNOT_START);
            assertThat(err()).startsWith("error: ").doesNotContain("\tat ");
        } finally {
            java.nio.file.Files.delete(notAFolder);
        }
    }

    @Test
    void runsUntilTheServerIsStopped() throws Exception {
        AtomicReference<Integer> code = new AtomicReference<>();
        Thread main = new Thread(() -> code.set(run("--port", "0", "--quiet")), "main-under-test");
        main.start();
        org.awaitility.Awaitility.await().until(() -> created.get() != null && created.get().isListening());
        created.get().stop();
        main.join(10_000);
        assertThat(main.isAlive()).isFalse();
        assertThat(code.get()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("listening on 127.0.0.1:");
    }
}
