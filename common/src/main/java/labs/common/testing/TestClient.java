package labs.common.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import labs.common.LineReader;

/**
 * A socket client for tests: every read has a timeout, so a server that does not answer fails
 * the test quickly instead of hanging it.
 */
public final class TestClient implements Closeable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final LineReader lines;

    private TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.lines = new LineReader(in, 1 << 20);
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
    }

    public static TestClient connect(String host, int port) throws IOException {
        return connectFrom(null, host, port);
    }

    /** Connects from a chosen local address, e.g. 127.0.0.2, so the server sees another client IP. */
    public static TestClient connectFrom(String localAddress, String host, int port) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        }
        socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_TIMEOUT.toMillis());
        return new TestClient(socket);
    }

    public static TestClient connect(ServerUnderTest server) throws IOException {
        return connect(server.host(), server.port());
    }

    public TestClient timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line; fails with SocketTimeoutException when none comes in time, null at end of stream. */
    public String readLine() throws IOException {
        return lines.readLine();
    }

    /** Reads lines until one matches, returning it; the lines skipped are lost. */
    public String readLineMatching(Predicate<String> wanted) throws IOException {
        List<String> skipped = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed; lines seen: " + skipped);
            }
            if (wanted.test(line)) {
                return line;
            }
            skipped.add(line);
        }
    }

    /** Reads lines up to and including the first one that starts with {@code prefix}. */
    public List<String> readUntil(String prefix) throws IOException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed before a line starting with '" + prefix + "'; lines seen: " + seen);
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return seen;
            }
        }
    }

    /** Exactly {@code n} raw bytes (for binary protocols like echo). */
    public byte[] readBytes(int n) throws IOException {
        byte[] result = in.readNBytes(n);
        if (result.length < n) {
            throw new IOException("connection closed after " + result.length + " of " + n + " bytes");
        }
        return result;
    }

    /** True when the server sends nothing for {@code quiet}: for asserting that something does NOT arrive. */
    public boolean staysSilentFor(Duration quiet) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed while expecting silence");
            }
            throw new AssertionError("expected silence, received byte " + b);
        } catch (SocketTimeoutException expected) {
            return true;
        } finally {
            socket.setSoTimeout(old);
        }
    }

    /** Reads until the server closes the connection; the lines read on the way are returned. */
    public List<String> readUntilClosed() throws IOException {
        List<String> seen = new ArrayList<>();
        String line;
        try {
            while ((line = readLine()) != null) {
                seen.add(line);
            }
        } catch (java.net.SocketException reset) {
            // A reset is a close too.
        }
        return seen;
    }

    /** Resets the connection (RST instead of FIN), as a client that crashed would. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
