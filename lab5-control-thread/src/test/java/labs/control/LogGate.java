package labs.control;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A console for an {@link labs.common.EventLog} that can stop the thread logging a chosen line
 * in the middle of it. The log prints to its console while holding its lock, so the stopped
 * thread holds the log's lock (and whatever locks it held before logging) until {@link #open()}.
 * This is how tests put a thread at an exact point without touching the code under test.
 */
final class LogGate extends OutputStream {
    private volatile String marker;
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    /** The next line that contains {@code text} will stop its thread. */
    void arm(String text) {
        reached = new CountDownLatch(1);
        release = new CountDownLatch(1);
        marker = text;
    }

    /** Waits until a thread is stopped at the marked line. */
    void awaitReached() throws InterruptedException {
        reached.await();
    }

    /** Lets the stopped thread go on. */
    void open() {
        release.countDown();
    }

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        String wanted = marker;
        if (wanted != null && new String(b, off, len, StandardCharsets.UTF_8).contains(wanted)) {
            marker = null;
            CountDownLatch go = release;
            reached.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted at the gate");
            }
        }
    }
}
