package labs.chat;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** An in-memory "socket output" whose lines a test can read; thread-safe like ByteArrayOutputStream. */
final class Capture extends ByteArrayOutputStream {
    private volatile boolean closed;

    synchronized String text() {
        return toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        String text = text();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Waits until at least {@code n} whole lines have arrived; returns all lines. */
    List<String> awaitLines(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lines().size() >= n && text().endsWith("\n"));
        return lines();
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
