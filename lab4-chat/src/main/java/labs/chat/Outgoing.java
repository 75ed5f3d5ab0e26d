package labs.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A message ready for the wire: its lines encoded to UTF-8 once, each ending with a line feed.
 * A broadcast encodes its line once and puts this same object in every recipient's queue: a
 * hundred recipients cost one encoding, not a hundred.
 *
 * <p>Thread safety: immutable. The array is filled in the constructor and never written again;
 * {@link #bytes()} is package-private and read only by writer threads, which copy from it.
 */
final class Outgoing {
    /** Tells a writer to stop after the messages before it; compared by identity. */
    static final Outgoing END = new Outgoing(new byte[0]);
    /** Tells a writer to close the connection after the messages before it; compared by identity. */
    static final Outgoing HANG_UP = new Outgoing(new byte[0]);
    /** Tells a writer to look whether its user has been silent too long ({@link IdleWatch}); compared by identity. */
    static final Outgoing IDLE_CHECK = new Outgoing(new byte[0]);

    private final byte[] bytes;

    private Outgoing(byte[] bytes) {
        this.bytes = bytes;
    }

    /** One message; {@code text} may hold several lines ({@code "a\nb"}). */
    static Outgoing line(String text) {
        return new Outgoing((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Several lines as one message (a reply, a welcome), so they reach the user together. */
    static Outgoing lines(List<String> lines) {
        return line(String.join("\n", lines));
    }

    int size() {
        return bytes.length;
    }

    /** The encoded lines; callers must not change them. */
    byte[] bytes() {
        return bytes;
    }

    /** END or HANG_UP: a marker after which the writer stops. */
    boolean isMarker() {
        return this == END || this == HANG_UP;
    }

    /** How many bytes {@code text} takes in UTF-8, without encoding it. */
    static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3; // any other char, a lone surrogate too (it becomes '?', one byte; 3 is an upper bound)
            }
        }
        return length;
    }
}
