package labs.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import labs.common.EventLog;

/**
 * An {@link EventLog} whose lines a test can read back.
 *
 * <p>Thread safety: the server's threads write through the EventLog (one line at a time, under its
 * lock) while the test thread reads. Both reach {@code bytes}, a ByteArrayOutputStream whose
 * methods are synchronized on itself; {@link #lines()} takes that same monitor, so it sees each
 * write whole and every write that finished before it.
 */
public final class CapturedLog {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EventLog log;

    public CapturedLog() {
        try {
            log = new EventLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), null, false, Clock.systemDefaultZone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EventLog eventLog() {
        return log;
    }

    /** Every line logged so far. */
    public List<String> lines() {
        synchronized (bytes) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
        }
    }

    public boolean contains(String fragment) {
        return lines().stream().anyMatch(line -> line.contains(fragment));
    }
}
