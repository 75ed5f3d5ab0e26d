package labs.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import labs.common.EventLog;

/**
 * An {@link EventLog} whose lines a test can read back.
 *
 * <p>Thread safety: the server's threads log through the EventLog, whose console writer thread
 * writes into {@code bytes} while the test thread reads. {@code bytes} is a ByteArrayOutputStream
 * whose methods are synchronized on itself; {@link #lines()} first waits until every line logged
 * before the call is written ({@link EventLog#flush}), then takes that same monitor, so it sees
 * each line whole and every line logged before it.
 */
public final class CapturedLog {
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

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
        log.flush(FLUSH_TIMEOUT);
        synchronized (bytes) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
        }
    }

    public boolean contains(String fragment) {
        return lines().stream().anyMatch(line -> line.contains(fragment));
    }
}
