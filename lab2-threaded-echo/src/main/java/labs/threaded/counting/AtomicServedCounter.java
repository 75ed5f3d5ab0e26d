package labs.threaded.counting;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed without a lock: compare-and-set writes the new value only if the counter still holds
 * the value that was read; if another thread got in between, the write fails and the loop
 * reads again. Nobody waits, and no update is lost. (This loop is what
 * {@link AtomicLong#incrementAndGet()} does; it is written out to show why it is correct.)
 *
 * <p>Thread safety: a thread-safe type. {@code count} is an AtomicLong, whose compareAndSet is
 * atomic and whose reads see the latest write.
 */
public final class AtomicServedCounter implements ServedCounter {
    private final Runnable betweenReadAndWrite;
    private final AtomicLong count = new AtomicLong();

    public AtomicServedCounter() {
        this(() -> { });
    }

    /** @param betweenReadAndWrite runs after each read, before the compare-and-set */
    public AtomicServedCounter(Runnable betweenReadAndWrite) {
        this.betweenReadAndWrite = betweenReadAndWrite;
    }

    @Override
    public void increment() {
        while (true) {
            long read = count.get();
            betweenReadAndWrite.run();
            if (count.compareAndSet(read, read + 1)) {
                return;
            }
            // Another thread changed it since our read: try again with its value.
        }
    }

    @Override
    public long get() {
        return count.get();
    }
}
