package labs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleClientTest {
    private ServerSocket listener;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(10_000);
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    /** A one-client server in a thread: greets first (unsolicited), then upper-cases each line. */
    private Thread serveOne(boolean closeAfterFirstLine) {
        Thread server = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                LineWriter out = new LineWriter(socket.getOutputStream());
                LineReader in = new LineReader(socket.getInputStream());
                out.writeLine("* welcome");
                String line;
                while ((line = in.readLine()) != null) {
                    out.writeLine(line.toUpperCase());
                    if (closeAfterFirstLine) {
                        return;
                    }
                }
            } catch (IOException ignored) {
                // The client went away; the test looks at what it printed.
            }
        }, "fake-server");
        server.start();
        return server;
    }

    private ConsoleClient client(byte[] typed) {
        return new ConsoleClient("127.0.0.1", listener.getLocalPort(), new ByteArrayInputStream(typed),
                new PrintStream(screen, true, StandardCharsets.UTF_8));
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsUnsolicitedLinesAndRepliesThenEndsWithInput() throws Exception {
        Thread server = serveOne(false);
        assertThat(client("hello\nпривет\n".getBytes(StandardCharsets.UTF_8)).run()).isZero();
        server.join(10_000);
        assertThat(screen()).contains("-- connected to 127.0.0.1:", "* welcome", "HELLO", "ПРИВЕТ",
                "-- end of input: waiting for the server to finish", "-- the server closed the connection");
    }

    @Test
    void exitClosesTheConnection() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream keyboard = new PipedInputStream(keys);
        Thread server = serveOne(false);
        ConsoleClient client = new ConsoleClient("127.0.0.1", listener.getLocalPort(), keyboard,
                new PrintStream(screen, true, StandardCharsets.UTF_8));
        keys.write("a\nexit\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(client.run()).isZero();
        server.join(10_000);
        assertThat(screen()).contains("-- exit: closing the connection", "-- disconnected");
        keys.close();
    }

    @Test
    void saysSoWhenTheServerClosesFirst() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream keyboard = new PipedInputStream(keys);
        Thread server = serveOne(true);
        ConsoleClient client = new ConsoleClient("127.0.0.1", listener.getLocalPort(), keyboard,
                new PrintStream(screen, true, StandardCharsets.UTF_8));
        keys.write("only\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(client.run()).isZero();
        server.join(10_000);
        assertThat(screen()).contains("ONLY", "-- the server closed the connection");
        keys.close();
    }

    @Test
    void hooksSeeTheConnectionAndEveryServerLine() throws Exception {
        Thread server = serveOne(false);
        List<String> seen = new ArrayList<>();
        ConsoleClient client = new ConsoleClient("127.0.0.1", listener.getLocalPort(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(screen, true, StandardCharsets.UTF_8)) {
            @Override
            protected void onConnected(LineWriter toServer) throws IOException {
                toServer.writeLine("auto");
            }

            @Override
            protected void onServerLine(String line, LineWriter toServer) {
                seen.add(line);
            }
        };
        assertThat(client.run()).isZero();
        server.join(10_000);
        assertThat(seen).containsExactly("* welcome", "AUTO");
    }

    @Test
    void cannotConnectIsOneLineAndExitCode1() throws IOException {
        int closedPort = listener.getLocalPort();
        listener.close();
        assertThat(client(new byte[0]).run()).isEqualTo(1);
        assertThat(screen()).startsWith("-- cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void helpNeedsNoServer() {
        ConsoleClient.main(new String[] {"--help"});
        assertThat(CommandLine.run(new String[] {"--port", "x"}, Options.forClient("c"), System.out,
                new PrintStream(screen, true, StandardCharsets.UTF_8), parsed -> parsed.port())).isEqualTo(2);
        assertThat(screen()).startsWith("error: --port must be a whole number, not 'x'");
    }
}
