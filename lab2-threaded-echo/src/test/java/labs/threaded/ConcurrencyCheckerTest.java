package labs.threaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import labs.common.LineReader;
import labs.common.LineWriter;
import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.echo.SingleThreadedEchoServer;
import org.junit.jupiter.api.Test;

/** The checker's verdicts: lab 2 passes, lab 1 is caught serving one at a time, a bad echo fails. */
class ConcurrencyCheckerTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private int check(int port, int clients, int timeoutMillis) {
        return new ConcurrencyChecker("127.0.0.1", port, clients, 5, timeoutMillis,
                new PrintStream(screen, true, StandardCharsets.UTF_8)).run();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lab2IsServedConcurrently() throws IOException {
        try (InProcessServer lab2 = InProcessServer.start(ServerConfig.anyFreePort(),
                (config, log) -> new ThreadedEchoServer(config, log, ThreadPerClientServer.Threads.PLATFORM))) {
            assertThat(check(lab2.port(), 10, 5_000)).isZero();
        }
        assertThat(screen()).contains("all 10 connections are open", "5/5",
                "verdict: served concurrently (all 10 clients were answered while all the others were connected)");
    }

    @Test
    void lab1IsCaughtServingOneAtATime() throws IOException {
        try (InProcessServer lab1 = InProcessServer.start(ServerConfig.anyFreePort(), SingleThreadedEchoServer::new)) {
            assertThat(check(lab1.port(), 4, 400)).isEqualTo(1);
        }
        assertThat(screen()).contains("no echo within 400 ms",
                "verdict: served one at a time (1 of 4 answered; the others got no echo while another client was connected)");
    }

    @Test
    void aServerThatDamagesTheEchoFails() throws IOException {
        try (InProcessServer shouting = InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                new ThreadPerClientServer("shouting", config, log, connection -> {
                    LineReader in = new LineReader(connection.input());
                    LineWriter out = new LineWriter(connection.output());
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.writeLine(line.toUpperCase());
                    }
                }, ThreadPerClientServer.Threads.PLATFORM))) {
            assertThat(check(shouting.port(), 3, 2_000)).isEqualTo(1);
        }
        assertThat(screen()).contains("wrong echo: CLIENT 1 LINE 1", "verdict: failed (0 of 3 clients answered correctly)");
    }

    @Test
    void noServerIsAnError() throws IOException {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        assertThat(check(port, 2, 500)).isEqualTo(1);
        assertThat(screen()).contains("cannot connect client 1");
    }

    @Test
    void optionsAreReadFromTheCommandLine() throws Exception {
        try (InProcessServer lab2 = InProcessServer.start(ServerConfig.anyFreePort(),
                (config, log) -> new ThreadedEchoServer(config, log, ThreadPerClientServer.Threads.PLATFORM))) {
            labs.common.Options parsed = ConcurrencyChecker.options()
                    .parse("--port", String.valueOf(lab2.port()), "--clients", "3", "--lines", "2", "--timeout", "5000");
            assertThat(ConcurrencyChecker.fromOptions(parsed, new PrintStream(screen, true, StandardCharsets.UTF_8)).run()).isZero();
        }
        assertThat(screen()).contains("with 3 clients x 2 lines", "2/2");
        ConcurrencyChecker.main(new String[] {"--help"});
        ThreadedEchoServer.main(new String[] {"--help"});
    }
}
