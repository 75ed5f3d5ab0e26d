package labs.threaded.counting;

/**
 * Fixed with a lock: read, add and write happen inside one {@code synchronized} block, so while
 * one thread is between its read and its write, every other thread that wants to increment
 * waits at the lock (state BLOCKED). The three steps become one indivisible step.
 *
 * <p>Thread safety: synchronization. {@code count} is guarded by {@code this}; every access
 * (increment and get) holds that lock, which also makes each write visible to the next reader.
 */
public final class SynchronizedServedCounter implements ServedCounter {
    private final Runnable betweenReadAndWrite;
    private long count; // guarded by this

    public SynchronizedServedCounter() {
        this(() -> { });
    }

    /** @param betweenReadAndWrite runs inside the lock, after reading and before writing */
    public SynchronizedServedCounter(Runnable betweenReadAndWrite) {
        this.betweenReadAndWrite = betweenReadAndWrite;
    }

    @Override
    public synchronized void increment() {
        long read = count;
        betweenReadAndWrite.run();
        count = read + 1;
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
