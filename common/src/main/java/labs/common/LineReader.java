package labs.common;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into UTF-8 text lines, the framing of every line-based lab protocol.
 * <ul>
 *   <li>A line ends with {@code \n}; a {@code \r} just before it is dropped, so telnet's
 *       {@code \r\n} works too. A line may arrive in many TCP segments, and many lines in one.</li>
 *   <li>A line longer than {@code maxBytes} is never held in memory whole: the reader keeps
 *       nothing more, skips to the end of that line and throws {@link LineTooLongException}; the
 *       next call reads the next line. A client cannot exhaust the server's memory this way.</li>
 *   <li>Bytes that are not valid UTF-8 become U+FFFD instead of an exception.</li>
 *   <li>{@link #readLine()} returns null at the end of the stream; a stream that ends in the
 *       middle of a line throws {@link EOFException} naming how many bytes were lost.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; confined to the one thread that reads a connection.
 */
public final class LineReader {
    public static final int DEFAULT_MAX_BYTES = 4096;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineReader(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.in = in;
        this.maxBytes = maxBytes;
    }

    public LineReader(InputStream in) {
        this(in, DEFAULT_MAX_BYTES);
    }

    /** The next line without its terminator, or null when the stream ended cleanly. */
    public String readLine() throws IOException {
        line.reset();
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                if (line.size() == 0 && !tooLong) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line ("
                        + (tooLong ? "over " + maxBytes : line.size()) + " bytes lost)");
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean endOfLine = position < limit;
            int count = position - start;
            if (!tooLong) {
                if (line.size() + count > maxBytes + 1) { // +1: room for a '\r' that will be dropped
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(buffer, start, count);
                }
            }
            if (endOfLine) {
                position++; // past the '\n'
                if (tooLong) {
                    throw new LineTooLongException(maxBytes);
                }
                return decode();
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private String decode() throws LineTooLongException {
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length > maxBytes) {
            throw new LineTooLongException(maxBytes);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException cannotHappenWhenReplacing) {
            throw new IllegalStateException(cannotHappenWhenReplacing);
        }
    }
}
