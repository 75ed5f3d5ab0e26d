package labs.conformance;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import labs.common.testing.ServerUnderTest;
import labs.common.testing.TestClient;

/**
 * A client that judges a line echo server as the assignment describes it ("a simple echo
 * server"), not as RFC 862 does: a reply is a line; a trailing {@code \r} is ignored; and lines
 * the server sends before its first echo are a greeting, tolerated and kept for the report.
 *
 * <p>Thread safety: not thread-safe; each instance is confined to the thread that uses it.
 */
final class LineEchoClient implements Closeable {
    /** More lines than this before the first echo is not a greeting but a server that talks. */
    static final int MAX_GREETING_LINES = 5;

    private final TestClient client;
    private final List<String> greeting = new ArrayList<>();
    private boolean echoedBefore;

    private LineEchoClient(TestClient client) {
        this.client = client;
    }

    static LineEchoClient connect(ServerUnderTest server, Duration replyTimeout) throws IOException {
        return new LineEchoClient(TestClient.connect(server).timeout(replyTimeout));
    }

    /** Sends {@code line} and returns what came back as its echo, without a trailing \r. */
    String echo(String line) throws IOException {
        client.send(line);
        return nextEcho(line);
    }

    /** Reads the echo of a line already sent, skipping a greeting if this is the first. */
    String nextEcho(String expected) throws IOException {
        while (true) {
            String reply = withoutCarriageReturn(read(expected));
            if (echoedBefore || reply.equals(expected) || greeting.size() >= MAX_GREETING_LINES) {
                echoedBefore = true;
                return reply;
            }
            greeting.add(reply);
        }
    }

    private String read(String expected) throws IOException {
        try {
            String line = client.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection instead of echoing \"" + expected + "\"");
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no echo of \"" + expected + "\" within "
                    + client.socket().getSoTimeout() / 1000.0 + " s");
        }
    }

    /** The lines before the first echo; empty when the server did not greet. */
    List<String> greeting() {
        return List.copyOf(greeting);
    }

    TestClient raw() {
        return client;
    }

    static String withoutCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
