package labs.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import labs.common.CommandLine;
import labs.common.ConsoleCharset;
import labs.common.LineReader;
import labs.common.LineWriter;
import labs.common.Options;
import labs.common.UsageException;

/**
 * The echo client: reads lines from the keyboard until {@code exit}, sends each one, waits for
 * its echo and prints it, reporting every event. One thread is enough here, because an echo
 * server never speaks first: every line received is the answer to the line just sent.
 * (Lab 2 on use {@link labs.common.ConsoleClient}, which needs a second thread.)
 *
 * <p>The wire is UTF-8; the keyboard and the screen are in the console's charset, which
 * {@link ConsoleCharset} chooses (cp866 in a Russian Windows console).
 */
public final class EchoClient {
    private final String host;
    private final int port;
    private final int replyTimeoutMillis;
    private final InputStream keyboard;
    private final Charset keyboardCharset;
    private final PrintStream out;

    public EchoClient(String host, int port, int replyTimeoutMillis, InputStream keyboard, Charset keyboardCharset,
            PrintStream out) {
        this.host = host;
        this.port = port;
        this.replyTimeoutMillis = replyTimeoutMillis;
        this.keyboard = keyboard;
        this.keyboardCharset = keyboardCharset;
        this.out = out;
    }

    public static void main(String[] args) {
        CommandLine.main(args, options(), parsed -> fromOptions(parsed, System.in, ConsoleCharset.forInput(),
                ConsoleCharset.screen(System.out)).run());
    }

    static Options options() {
        return Options.forClient("lab1-echo client")
                .option("--timeout", "MILLIS", "0", "give up waiting for an echo after this long; 0 = wait forever");
    }

    static EchoClient fromOptions(Options parsed, InputStream keyboard, Charset keyboardCharset, PrintStream out)
            throws UsageException {
        return new EchoClient(parsed.string("--host"), parsed.port(), parsed.integer("--timeout", 0, 3_600_000),
                keyboard, keyboardCharset, out);
    }

    /** Returns 0 after {@code exit} or end of input, 1 when the connection failed. */
    public int run() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(replyTimeoutMillis);
            out.println("-- connected to " + host + ":" + port + " from local port " + socket.getLocalPort());
            LineWriter toServer = new LineWriter(socket.getOutputStream());
            LineReader fromServer = new LineReader(socket.getInputStream(), 1 << 20);
            BufferedReader typed = new BufferedReader(new InputStreamReader(keyboard, keyboardCharset));
            String line;
            while ((line = typed.readLine()) != null && !line.trim().equalsIgnoreCase("exit")) {
                toServer.writeLine(line);
                out.println("-- sent " + line.getBytes(StandardCharsets.UTF_8).length + " bytes + newline");
                String echo = fromServer.readLine();
                if (echo == null) {
                    out.println("-- the server closed the connection");
                    return 1;
                }
                out.println(echo);
            }
            out.println("-- disconnecting");
            return 0;
        } catch (SocketTimeoutException e) {
            out.println("-- no echo within " + replyTimeoutMillis + " ms: is the server busy with another client?");
            return 1;
        } catch (IOException e) {
            out.println("-- connection failed: " + e.getMessage());
            return 1;
        }
    }
}
