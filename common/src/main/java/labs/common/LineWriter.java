package labs.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes UTF-8 lines, each ended by {@code \n} and flushed at once, so the peer sees it now.
 *
 * <p>Thread safety: several threads may write to one connection (a client's own thread and a
 * thread that tells it the server is stopping, say). {@link #writeLine} is synchronized on this
 * writer, so each line reaches the stream whole and lines never interleave; the stream is only
 * touched inside that lock.
 */
public final class LineWriter {
    private final OutputStream out; // guarded by this

    public LineWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void writeLine(String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
    }
}
