package labs.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Cuts the bytes a socket delivers into UTF-8 lines, whatever the chunks: a line may arrive in
 * pieces and many lines in one read. Bytes go into {@link #buffer()}; {@link #next()} returns
 * whole lines without their {@code \n} (or {@code \r\n}). A line longer than the buffer comes out
 * in pieces, which the chat load then counts as damaged.
 *
 * <p>Thread safety: not thread-safe; confined to one thread at a time (see {@link ChatUser}).
 */
final class LineSplitter {
    private final ByteBuffer buffer;
    private int start;    // first byte not yet returned in a line
    private int scanFrom; // bytes before this (from start) hold no '\n'

    LineSplitter(int capacity) {
        buffer = ByteBuffer.allocate(capacity);
    }

    /** Where the next read puts its bytes (in write mode). */
    ByteBuffer buffer() {
        return buffer;
    }

    /** The next whole line received, or null when none is complete yet. */
    String next() {
        byte[] bytes = buffer.array();
        int end = buffer.position();
        for (int i = Math.max(start, scanFrom); i < end; i++) {
            if (bytes[i] == '\n') {
                int lineEnd = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                String line = new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8);
                start = i + 1;
                scanFrom = start;
                return line;
            }
        }
        if (start == 0 && end == bytes.length) {
            String piece = new String(bytes, 0, end, StandardCharsets.UTF_8); // longer than the buffer
            buffer.clear();
            scanFrom = 0;
            return piece;
        }
        // No whole line left: move the partial one to the front, so the next read has room.
        System.arraycopy(bytes, start, bytes, 0, end - start);
        buffer.position(end - start);
        scanFrom = end - start;
        start = 0;
        return null;
    }
}
