package labs.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A console client for every lab: what you type goes to the server line by line; what the
 * server sends is printed the moment it arrives.
 *
 * <p>Why two threads: a chat server sends lines nobody asked for (another user's message), at
 * any moment. A single thread blocked in reading the keyboard could not print them until the
 * user pressed Enter, and a thread blocked reading the socket could not send what the user
 * typed. So the main thread reads the socket and prints, and a second thread, "keyboard",
 * reads standard input and sends.
 *
 * <p>The client ends when the user types {@code exit}, when standard input ends (the server
 * still gets to answer what was sent), or when the server closes the connection; it says which.
 *
 * <p>Thread safety: the socket's input stream is confined to the main thread; the output goes
 * through a {@link LineWriter}, which is thread-safe, because the keyboard thread and the
 * {@link #onServerLine} hook (main thread) may both send. {@code out} is a PrintStream, whose
 * println is synchronized.
 */
public class ConsoleClient {
    private final String host;
    private final int port;
    private final InputStream keyboard;
    protected final PrintStream out;

    public ConsoleClient(String host, int port, InputStream keyboard, PrintStream out) {
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
        } catch (IOException e) {
            out.println("-- connection failed: " + e.getMessage());
        }
        return 0;
    }

    /** Called once connected, before anything is typed. */
    protected void onConnected(LineWriter toServer) throws IOException {
    }

    /** Called for each line the server sends, after it is printed. */
    protected void onServerLine(String line, LineWriter toServer) throws IOException {
    }

    private void printServerLines(Socket socket, LineReader fromServer, LineWriter toServer) {
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
            out.println(line);
            try {
                onServerLine(line, toServer);
            } catch (IOException e) {
                out.println("-- cannot send: " + e.getMessage());
            }
        }
    }

    private void sendTypedLines(Socket socket, LineWriter toServer) {
        BufferedReader typed = new BufferedReader(new InputStreamReader(keyboard, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = typed.readLine()) != null) {
                if (line.trim().equalsIgnoreCase("exit")) {
                    out.println("-- exit: closing the connection");
                    socket.close(); // unblocks the main thread's read
                    return;
                }
                toServer.writeLine(line);
            }
            out.println("-- end of input: waiting for the server to finish");
            socket.shutdownOutput(); // the server reads end-of-stream, answers what it got, and closes
        } catch (IOException e) {
            if (!socket.isClosed()) {
                out.println("-- cannot send: " + e.getMessage());
            }
        }
    }
}
