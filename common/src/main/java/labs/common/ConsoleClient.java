package labs.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A console client for every lab: what you type goes to the server line by line; what the
 * server sends is printed the moment it arrives. A prompt that asks for a password is answered
 * without showing what is typed ({@link ServerLines#asksForSecret}).
 *
 * <p>Why two threads: a chat server sends lines nobody asked for (another user's message), at
 * any moment. A single thread blocked in reading the keyboard could not print them until the
 * user pressed Enter, and a thread blocked reading the socket could not send what the user
 * typed. So the main thread reads the socket and prints, and a second thread, "keyboard",
 * reads the keyboard and sends; after answering a prompt it waits for the server's reply (the next
 * prompt, or half a second with no more lines), so it knows whether the next answer is a password.
 *
 * <p>The client ends when the user types {@code exit}, when standard input ends (the server
 * still gets to answer what was sent), or when the server closes the connection; it says which.
 *
 * <p>Thread safety: the socket's input stream is confined to the main thread, the keyboard to
 * the keyboard thread; the output goes through a thread-safe {@link LineWriter}, because the
 * keyboard thread and {@link #onServerLine} (main thread) both send. {@code out} is a
 * PrintStream, whose println is synchronized; {@link ServerLines} is thread-safe.
 */
public class ConsoleClient {
    private final String host;
    private final int port;
    private final Keyboard keyboard;
    protected final PrintStream out;
    private final ServerLines serverLines = new ServerLines();

    public ConsoleClient(String host, int port, Keyboard keyboard, PrintStream out) {
        this.host = host;
        this.port = port;
        this.keyboard = keyboard;
        this.out = out;
    }

    /** Runs a console client with the standard options; used as {@code main} by the labs. */
    public static void main(String[] args) {
        CommandLine.main(args, Options.forClient("client"),
                parsed -> new ConsoleClient(parsed.string("--host"), parsed.port(), System.in, System.out).run());
    }

    /** Connects and talks until one side ends; returns 0, or 1 when it could not connect. */
    public int run() {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), 5_000);
            } catch (IOException e) {
                out.println("-- cannot connect to " + host + ":" + port + ": " + e.getMessage());
                return 1;
            }
            out.println("-- connected to " + host + ":" + port + " from local port " + socket.getLocalPort()
                    + "; type lines to send, 'exit' to quit");
            LineWriter toServer = new LineWriter(socket.getOutputStream());
            LineReader fromServer = new LineReader(socket.getInputStream(), 1 << 20); // before the keyboard can close the socket
            onConnected(toServer);
            Thread keyboardThread = new Thread(() -> sendTypedLines(socket, toServer), "keyboard");
            keyboardThread.setDaemon(true); // it may stay blocked reading a terminal; that must not keep the JVM alive
            keyboardThread.start();
            printServerLines(socket, fromServer, toServer);
            serverLines.ended(); // a keyboard thread waiting for the server's reply reads on
        } catch (IOException e) {
            out.println("-- connection failed: " + e.getMessage());
        }
        return 0;
    }

    /** Said once, at the first password prompt, when the keyboard cannot hide what is typed. */
    static final String SHOWN_WARNING = "-- not a console: what you type is shown; passwords are not hidden";

    /**
     * A client on a byte stream of typed lines. {@code System.in} stands for the user's keyboard
     * ({@link Keyboard#system()}) and {@code System.out} for the user's screen (in
     * {@link ConsoleCharset#forOutput()}); any other stream is taken as UTF-8, as a test writes it.
     */
    public ConsoleClient(String host, int port, InputStream keyboard, PrintStream out) {
        this(host, port, keyboard == System.in ? Keyboard.system() : Keyboard.of(keyboard, StandardCharsets.UTF_8),
                out == System.out ? ConsoleCharset.screen(System.out) : out);
    }

    /** Called once connected, before anything is typed. */
    protected void onConnected(LineWriter toServer) throws IOException {
    }

    /**
     * What to send for a line the user typed, {@code lastServerLine} being the server's line before
     * it (a prompt, say); the line itself by default. Runs in the keyboard thread.
     */
    protected String beforeSending(String typed, String lastServerLine) throws IOException {
        return typed;
    }

    /** Called for each line the server sends, after it is printed. */
    protected void onServerLine(String line, LineWriter toServer) throws IOException {
    }

    private void printServerLines(Socket socket, LineReader fromServer, LineWriter toServer) {
        boolean warnedShown = false;
        while (true) {
            String line;
            try {
                line = fromServer.readLine();
            } catch (LineTooLongException e) {
                out.println("-- the server sent a line over " + e.limit() + " bytes; skipped");
                continue;
            } catch (IOException e) {
                out.println(socket.isClosed() ? "-- disconnected" : "-- connection lost: " + e.getMessage());
                return;
            }
            if (line == null) {
                out.println("-- the server closed the connection");
                return;
            }
            serverLines.arrived(line); // before printing: a secret prompt hides the input before the user sees it
            out.println(line);
            if (!warnedShown && !keyboard.hidesSecrets() && ServerLines.asksForSecret(line)) {
                warnedShown = true;
                out.println(SHOWN_WARNING);
            }
            try {
                onServerLine(line, toServer);
            } catch (IOException e) {
                out.println("-- cannot send: " + e.getMessage());
            }
        }
    }

    private void sendTypedLines(Socket socket, LineWriter toServer) {
        try {
            while (true) {
                boolean secret = ServerLines.asksForSecret(serverLines.last());
                String line = secret ? secretLine() : keyboard.readLine();
                if (line == null) {
                    out.println("-- end of input: waiting for the server to finish");
                    socket.shutdownOutput(); // the server reads end-of-stream, answers what it got, and closes
                    return;
                }
                if (line.trim().equalsIgnoreCase("exit")) {
                    out.println("-- exit: closing the connection");
                    socket.close(); // unblocks the main thread's read
                    return;
                }
                long seen = serverLines.count();
                String prompt = serverLines.last();
                boolean answersPrompt = prompt.startsWith(ServerLines.PROMPT);
                toServer.writeLine(beforeSending(line, prompt));
                if (answersPrompt) {
                    serverLines.awaitReplyAfter(seen, ServerLines.REPLY_WAIT); // so the next prompt is known before reading on
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                out.println("-- cannot send: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String secretLine() throws IOException {
        char[] secret = keyboard.readSecret();
        return secret == null ? null : new String(secret);
    }
}
