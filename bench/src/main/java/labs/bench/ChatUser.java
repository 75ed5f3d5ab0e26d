package labs.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * One user of the chat load: logs in (lab 4) or just connects (ncat), then the load's reader
 * thread feeds it what arrives and it checks every line. A message is
 * {@code "m <sender> <n> <sentNanos> <check>"}; the receiver knows from the sender's counter
 * which messages it has seen, so it can tell a duplicate from a new one, and {@code check}
 * (derived from the other fields) catches damage.
 *
 * <p>Thread safety. Threads: the load's main thread (login; reads the totals after the reader
 * thread ended), the load's one reader thread, and one sender thread if this user sends. Until
 * {@link #register} the main thread alone uses the object; from then on the reader thread alone
 * reads the channel and touches {@code lines}, {@code seen} and {@code latency}, and
 * Thread.start/join hand them over (confinement). The sender thread only writes to the channel,
 * which a SocketChannel allows beside a reader. {@code joins} is volatile because the main thread
 * polls it; the {@link ChatTally} shared by all users is thread-safe.
 */
final class ChatUser {
    static final String PASSWORD = "bench-password";

    private final SocketChannel channel;
    private final LineSplitter lines = new LineSplitter(1 << 16);
    private final long[] seen;                // next message number expected from each sender
    private final Histogram latency = LatencySummary.newHistogram();
    private final int warmUp;                 // messages numbered below this are the warm-up: checked, not measured
    private final ChatTally tally;
    private volatile long joins; // written by one thread at a time (see above); the main thread polls it

    /**
     * @param warmUp messages numbered below this are checked but neither counted as delivered nor timed
     * @param tally  the counts every user adds to
     */
    ChatUser(InetSocketAddress server, int senders, int warmUp, ChatTally tally) throws IOException {
        channel = SocketChannel.open(EchoLoad.checkLoopback(server));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        seen = new long[senders];
        this.warmUp = warmUp;
        this.tally = tally;
    }

    /** Lab 3's login as a new user: answers each {@code ?} prompt until "you are logged in". */
    void login(String name) throws IOException {
        while (true) {
            String line = lines.next();
            if (line == null) {
                if (channel.read(lines.buffer()) < 0) {
                    throw new IOException(name + " could not log in: the server closed the connection");
                }
                continue;
            }
            if (line.startsWith("! ")) {
                throw new IOException(name + " could not log in: " + line);
            }
            if (line.startsWith("? name")) {
                send(name);
            } else if (line.startsWith("? ")) {
                send(PASSWORD); // "? new password", "? repeat password", "? password for"
            } else if (line.contains("you are logged in")) {
                return;
            }
        }
    }

    /** From now on the reader thread reads this user, through {@code selector}. */
    void register(Selector selector) throws IOException {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** Reads what has arrived and checks each whole line; run by the reader thread. */
    void readReady(SelectionKey key, long now) {
        try {
            if (channel.read(lines.buffer()) < 0) {
                key.cancel();
                return;
            }
            for (String line = lines.next(); line != null; line = lines.next()) {
                onLine(line, now);
            }
        } catch (IOException e) {
            key.cancel(); // the server dropped this user; what it did not get shows up as missing
        }
    }

    /**
     * Sorts one received line: the server's own lines (tagged {@code * ? !} by lab 4, {@code <announce>}
     * by ncat), a message {@code <name> m ...}, or anything else, which is damage: a message that
     * lost its sender's tag, was cut, or was merged with another.
     */
    void onLine(String line, long now) {
        if (line.startsWith("* ") || line.startsWith("<announce> ")) {
            if (line.endsWith(" joined") || line.contains(" is connected as ")) {
                joins++;
            }
            return;
        }
        if (line.startsWith("? ") || line.startsWith("! ") || line.isBlank()) {
            return;
        }
        tally.arrived.incrementAndGet();
        int start = line.indexOf("> ");
        ChatMessage m = line.startsWith("<") && start > 0 ? ChatMessage.parse(line.substring(start + 2)) : null;
        if (m == null || m.sender() >= seen.length) {
            tally.damaged.incrementAndGet();
        } else if (m.number() < seen[m.sender()]) {
            tally.duplicated.incrementAndGet();
        } else {
            seen[m.sender()] = m.number() + 1; // a gap is counted as missing at the end, from the totals
            tally.deliveredOnce(m.sender());
            if (m.number() >= warmUp) {
                latency.recordValue(Math.max(0, now - m.sentNanos()));
                tally.delivered.incrementAndGet();
            }
        }
    }

    /** Sends one line; in non-blocking mode it waits a little whenever the socket's buffer is full. */
    void send(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("gave up sending: the server does not read");
                }
                LockSupport.parkNanos(20_000);
            }
        }
    }

    long joinsSeen() {
        return joins;
    }

    Histogram latency() {
        return latency;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is the end of this user either way.
        }
    }
}
