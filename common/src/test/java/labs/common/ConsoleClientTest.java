package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        clients.shutdownNow();
    }

    private final ExecutorService clients = Executors.newCachedThreadPool();

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

    // --- The console's charset: the keyboard and the screen in cp866 or cp1251, the wire in UTF-8.

    /**
     * A one-client server that records each line it receives (decoded as UTF-8) and answers it in
     * capitals. Thread safety: {@code received} is a CopyOnWriteArrayList, filled by the server
     * thread and read by the test after joining it.
     */
    private Thread recordLines(List<String> received) {
        Thread server = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                LineWriter out = new LineWriter(socket.getOutputStream());
                LineReader in = new LineReader(socket.getInputStream());
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                    out.writeLine(line.toUpperCase());
                }
            } catch (IOException ignored) {
                // The test looks at what arrived.
            }
        }, "fake-server");
        server.start();
        return server;
    }

    @ParameterizedTest
    @ValueSource(strings = {"IBM866", "windows-1251"})
    void cyrillicTypedInTheConsolesCharsetReachesTheServerAsUtf8AndComesBackInIt(String consoleCharset) throws Exception {
        Charset console = Charset.forName(consoleCharset);
        List<String> received = new CopyOnWriteArrayList<>();
        Thread server = recordLines(received);
        Keyboard keyboard = ConsoleCharsetTest.withProperty("stdin.encoding", consoleCharset,
                () -> Keyboard.of(new ByteArrayInputStream("привет, мир\n".getBytes(console)), ConsoleCharset.forInput()));
        PrintStream consoleScreen = ConsoleCharsetTest.withProperty("stdout.encoding", consoleCharset,
                () -> ConsoleCharset.screen(screen));

        assertThat(new ConsoleClient("127.0.0.1", listener.getLocalPort(), keyboard, consoleScreen).run()).isZero();
        server.join(10_000);

        assertThat(received).containsExactly("привет, мир");
        assertThat(screen.toString(console)).contains("ПРИВЕТ, МИР");
    }

    @Test
    void beforeTheFixAConsolesCp866WasReadAsUtf8AndArrivedAsReplacementCharacters() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Thread server = recordLines(received);
        Keyboard utf8 = Keyboard.of(new ByteArrayInputStream("мир\n".getBytes(ConsoleCharsetTest.CP866)), StandardCharsets.UTF_8);
        assertThat(new ConsoleClient("127.0.0.1", listener.getLocalPort(), utf8, new PrintStream(screen, true,
                StandardCharsets.UTF_8)).run()).isZero();
        server.join(10_000);
        assertThat(received).singleElement().asString().contains("\uFFFD").doesNotContain("мир");
    }

    // --- Secret prompts: a "? " prompt with the word "password" is answered without showing the answer.

    @Test
    void theRuleMarksLab3sPasswordPromptsAndNothingElse() {
        assertThat(List.of("? password for alice", "? new password", "? repeat password", "? PASSWORD"))
                .allMatch(ServerLines::asksForSecret);
        assertThat(List.of("? name", "? name [alice]", "! wrong password", "* password changed", "<bob> my password",
                "? passwords are cool", "")).noneMatch(ServerLines::asksForSecret);
    }

    /** A login like lab 3's: name, then a password asked again after a wrong one, then an echo of each line. */
    private Thread serveLogin(List<String> received) {
        Thread server = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                LineWriter out = new LineWriter(socket.getOutputStream());
                LineReader in = new LineReader(socket.getInputStream());
                out.writeLine("? name");
                String name = in.readLine();
                received.add(name);
                out.writeLine("? password for " + name);
                String password;
                while ((password = in.readLine()) != null && !password.equals("right")) {
                    received.add(password);
                    out.writeLine("! wrong password");
                    out.writeLine("? password for " + name);
                }
                received.add(password);
                out.writeLine("* welcome, " + name);
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                    out.writeLine("<" + name + "> " + line);
                }
            } catch (IOException ignored) {
                // The test looks at what arrived.
            }
        }, "fake-login-server");
        server.start();
        return server;
    }

    /**
     * A terminal the test types on: each read takes the next typed line and notes how it was read.
     * Thread safety: the test thread types into a blocking queue and the client's keyboard thread
     * takes from it; {@code reads} is a CopyOnWriteArrayList, written by the keyboard thread and
     * read by the test after the client has ended.
     */
    private static final class FakeTerminal implements Keyboard {
        final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
        final List<String> reads = new CopyOnWriteArrayList<>();
        final CountDownLatch secondRead = new CountDownLatch(2); // counts reads as they begin

        @Override
        public String readLine() {
            return next("line");
        }

        @Override
        public char[] readSecret() {
            String line = next("hidden");
            return line == null ? null : line.toCharArray();
        }

        private String next(String how) {
            secondRead.countDown();
            try {
                String line = typed.poll(20, TimeUnit.SECONDS);
                reads.add(how + " " + line);
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public boolean hidesSecrets() {
            return true;
        }
    }

    private void awaitScreen(String text) {
        await().atMost(Duration.ofSeconds(20)).until(() -> screen().contains(text));
    }

    @Test
    void aTerminalReadsEveryAnswerToAPasswordPromptHiddenAndNothingElse() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Thread server = serveLogin(received);
        FakeTerminal terminal = new FakeTerminal();
        Future<Integer> client = clients.submit(() -> new ConsoleClient("127.0.0.1", listener.getLocalPort(), terminal,
                new PrintStream(screen, true, StandardCharsets.UTF_8)).run());
        awaitScreen("? name");
        terminal.typed.addAll(List.of("alice", "wrong", "right", "hello"));
        awaitScreen("<alice> hello");
        terminal.typed.add("exit");

        assertThat(client.get(20, TimeUnit.SECONDS)).isZero();
        server.join(10_000);
        assertThat(terminal.reads).containsExactly("line alice", "hidden wrong", "hidden right", "line hello", "line exit");
        assertThat(received).containsExactly("alice", "wrong", "right", "hello");
        assertThat(screen()).contains("* welcome, alice").doesNotContain(ConsoleClient.SHOWN_WARNING);
    }

    /**
     * Lab 3's registration: the answer to {@code ? name} is an explanation, then the password
     * prompt. The fake server holds the prompt back until the keyboard begins its next read (or
     * 100 ms pass): a keyboard that read on after the explanation decided "not a secret" before
     * the prompt came, and the password was shown. Found by typing in a real terminal.
     */
    @Test
    void aPasswordPromptThatFollowsAnExplanationIsStillReadHidden() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        FakeTerminal terminal = new FakeTerminal();
        Thread server = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                LineWriter out = new LineWriter(socket.getOutputStream());
                LineReader in = new LineReader(socket.getInputStream());
                out.writeLine("? name");
                received.add(in.readLine());
                out.writeLine("* alice is a new name: choose a password of at least 8 characters");
                terminal.secondRead.await(100, TimeUnit.MILLISECONDS);
                out.writeLine("? new password");
                received.add(in.readLine());
                out.writeLine("* welcome, alice: you are logged in");
                received.add(in.readLine());
            } catch (IOException | InterruptedException ignored) {
                // The test looks at what arrived.
            }
        }, "fake-registration-server");
        server.start();
        Future<Integer> client = clients.submit(() -> new ConsoleClient("127.0.0.1", listener.getLocalPort(), terminal,
                new PrintStream(screen, true, StandardCharsets.UTF_8)).run());
        awaitScreen("? name");
        terminal.typed.addAll(List.of("alice", "correct horse", "hello"));
        server.join(20_000);
        terminal.typed.add("exit");

        assertThat(client.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(received).containsExactly("alice", "correct horse", "hello");
        assertThat(terminal.reads).startsWith("line alice", "hidden correct horse", "line hello");
    }

    @Test
    void pipedInputSendsThePasswordAsBeforeAndSaysOnceThatItIsNotHidden() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Thread server = serveLogin(received);
        PipedOutputStream keys = new PipedOutputStream();
        Keyboard piped = Keyboard.of(new PipedInputStream(keys), StandardCharsets.UTF_8);
        Future<Integer> client = clients.submit(() -> new ConsoleClient("127.0.0.1", listener.getLocalPort(), piped,
                new PrintStream(screen, true, StandardCharsets.UTF_8)).run());
        awaitScreen("? name");
        keys.write("alice\nwrong\nright\nhello\n".getBytes(StandardCharsets.UTF_8));
        keys.close();

        assertThat(client.get(20, TimeUnit.SECONDS)).isZero();
        server.join(10_000);
        assertThat(received).containsExactly("alice", "wrong", "right", "hello");
        String shown = screen();
        assertThat(shown.split(ConsoleClient.SHOWN_WARNING, -1)).hasSize(2); // said exactly once
        assertThat(shown.indexOf(ConsoleClient.SHOWN_WARNING)).isGreaterThan(shown.indexOf("? password for alice"));
    }

    @Test
    void systemInStandsForTheUsersKeyboard() {
        assertThat(Keyboard.system().hidesSecrets()).isFalse(); // the tests' JVM has no terminal, so piped input
    }
}
