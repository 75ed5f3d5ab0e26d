package labs.common;

import java.io.IOException;

/**
 * A line longer than the reader allows. The reader has already skipped the rest of that line,
 * so the caller can report the error and go on reading the next one.
 */
public final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    public LineTooLongException(int limit) {
        super("line longer than " + limit + " bytes");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
