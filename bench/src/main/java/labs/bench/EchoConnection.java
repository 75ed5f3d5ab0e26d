package labs.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One connection of the echo load: a small state machine driven by the selector. Connect, one
 * round trip to prove the server serves it (then it idles until {@link #start}), then forever:
 * send request n, read exactly as many bytes back, compare them with what was sent.
 * Request n is {@code "<client> <n> xxx...\n"}, so a reply from another client or an old
 * request can never pass for the right one.
 *
 * <p>Thread safety: confined to the load's selector thread.
 */
final class EchoConnection {
    enum Outcome { NOTHING, READY, REPLY, BROKEN }

    private final SocketChannel channel;
    private final int id;
    private final byte[] sent;
    private final ByteBuffer out;
    private final ByteBuffer in;
    private long sequence;
    private long sentAt;
    private long lastSentAt;
    private long lastLatency;
    private long replies;
    private boolean open = true;
    private boolean ready;
    private boolean started;

    private EchoConnection(SocketChannel channel, int id, int payloadBytes) {
        this.channel = channel;
        this.id = id;
        this.sent = new byte[payloadBytes];
        this.out = ByteBuffer.allocate(payloadBytes);
        this.in = ByteBuffer.allocate(payloadBytes);
    }

    /** Starts a non-blocking connect; {@link #onReady} finishes it and makes the first round trip. */
    static EchoConnection open(Selector selector, InetSocketAddress server, int id, int payloadBytes) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        EchoConnection c = new EchoConnection(channel, id, payloadBytes);
        c.sentAt = System.nanoTime();
        SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT, c);
        if (channel.connect(EchoLoad.checkLoopback(server))) {
            c.connected(key); // on loopback a connect may complete at once, and OP_CONNECT then never fires
        }
        return c;
    }

    /** Sends the first measured request; the connection is ready and idle until now. */
    void start(Selector selector) throws IOException {
        started = true;
        sendNext(channel.keyFor(selector));
    }

    Outcome onReady(SelectionKey key, long now) {
        try {
            if (key.isConnectable()) {
                if (channel.finishConnect()) {
                    connected(key);
                }
                return Outcome.NOTHING;
            }
            if (key.isWritable()) {
                channel.write(out);
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                return Outcome.NOTHING;
            }
            if (channel.read(in) < 0) {
                close();
                return Outcome.BROKEN; // the server closed a connection it should have kept
            }
            if (in.hasRemaining()) {
                return Outcome.NOTHING;
            }
            if (!java.util.Arrays.equals(in.array(), sent)) {
                close();
                return Outcome.BROKEN;
            }
            if (!ready) {
                ready = true;
                key.interestOps(0); // idle until start()
                return Outcome.READY;
            }
            lastSentAt = sentAt;
            lastLatency = now - sentAt;
            replies++;
            sendNext(key);
            return Outcome.REPLY;
        } catch (IOException e) {
            close();
            return Outcome.BROKEN;
        }
    }

    /** How long this connection has waited for a connect or a reply, 0 when it is idle or closed. */
    long waitingSince(long now) {
        return open && (started || !ready) ? now - sentAt : 0;
    }

    /** Connected, and its first round trip done. */
    boolean isReady() {
        return ready && open;
    }

    /** When the request of the last reply was sent. */
    long lastSentAt() {
        return lastSentAt;
    }

    long lastLatency() {
        return lastLatency;
    }

    long replies() {
        return replies;
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is the end of it either way.
        }
    }

    private void connected(SelectionKey key) throws IOException {
        EchoLoad.setNoDelay(channel);
        sendNext(key); // the first round trip: proves the server has taken this client on
    }

    private void sendNext(SelectionKey key) throws IOException {
        fill(sent, id, sequence++);
        in.clear();
        out.clear();
        out.put(sent).flip();
        sentAt = System.nanoTime();
        channel.write(out);
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Writes request {@code n} of client {@code id} into {@code payload}: text, padded, ending in a newline. */
    static void fill(byte[] payload, int id, long n) {
        byte[] head = (id + " " + n + " ").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < payload.length - 1; i++) {
            payload[i] = i < head.length ? head[i] : (byte) 'x';
        }
        payload[payload.length - 1] = '\n';
    }
}
