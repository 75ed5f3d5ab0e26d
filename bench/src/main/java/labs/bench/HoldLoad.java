package labs.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hold load: opens idle connections and keeps them. Each new connection sends one byte and
 * waits for its echo before it counts as held, which proves the server accepted it and started
 * serving it (for lab 2: its thread exists and has run). At most {@code WINDOW} connections are
 * being set up at once, so the server's listen backlog never overflows.
 *
 * <p>Thread safety: confined to the runner thread.
 */
final class HoldLoad implements AutoCloseable {
    private static final int WINDOW = 100;

    private final InetSocketAddress server;
    private final Selector selector;
    private final List<SocketChannel> held = new ArrayList<>();
    private long failures;

    HoldLoad(InetSocketAddress server) throws IOException {
        this.server = EchoLoad.checkLoopback(server);
        this.selector = Selector.open();
    }

    /** Opens connections until {@code total} are held, or {@code limit} has passed; returns how many are held. */
    int growTo(int total, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        int inProgress = 0;
        while (held.size() < total && System.nanoTime() < deadline) {
            while (inProgress < WINDOW && held.size() + inProgress < total) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT, ByteBuffer.allocate(1));
                if (channel.connect(server)) {
                    sayHello(key); // connected at once (loopback can): OP_CONNECT would never fire
                }
                inProgress++;
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                if (step(key)) {
                    inProgress--;
                }
            }
            selector.selectedKeys().clear();
        }
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.interestOps() != 0) {
                failures++; // still setting up at the deadline
                key.channel().close();
            }
        }
        return held.size();
    }

    int held() {
        return held.size();
    }

    /** Connections that failed or were not ready in time. */
    long failures() {
        return failures;
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : held) {
            channel.close();
        }
        held.clear();
        selector.close();
    }

    /** Sends the one byte whose echo proves the server serves this connection. */
    private static void sayHello(SelectionKey key) throws IOException {
        ((SocketChannel) key.channel()).write(ByteBuffer.wrap(new byte[] {'h'}));
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Advances one connection's setup; true when it has finished, held or failed. */
    private boolean step(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            if (key.isConnectable()) {
                if (channel.finishConnect()) {
                    sayHello(key);
                }
                return false;
            }
            if (channel.read(buffer) < 0) {
                throw new IOException("closed by the server");
            }
            if (buffer.hasRemaining()) {
                return false;
            }
            if (buffer.get(0) != 'h') {
                throw new IOException("refused by the server"); // e.g. "! server full"
            }
            key.interestOps(0); // idle from now on: the selector no longer watches it
            held.add(channel);
            return true;
        } catch (IOException e) {
            failures++;
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // Counted as a failure already.
            }
            return true;
        }
    }
}
