package labs.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server a student's client is graded against: a line echo server in this JVM that also
 * remembers every line it received, so a check can tell "the client never sent it" from "the
 * client did not print the echo". A thread per connection; port 0.
 *
 * <p>Thread safety: the accepting thread and one thread per connection add to {@code received};
 * the checking thread reads it. {@code received} is guarded by {@code this} (every access is
 * synchronized), and {@link #awaitReceived} waits on the same monitor.
 */
final class ReferenceEchoServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<String> received = new ArrayList<>(); // guarded by this

    ReferenceEchoServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "reference-echo-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread worker = new Thread(() -> echo(client), "reference-echo-client");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void echo(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    received.add(line);
                    notifyAll();
                }
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException gone) {
            // The client left; nothing to clean up beyond the socket.
        }
    }

    /** Waits (bounded) until at least {@code count} lines arrived; returns all lines received. */
    synchronized List<String> awaitReceived(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
