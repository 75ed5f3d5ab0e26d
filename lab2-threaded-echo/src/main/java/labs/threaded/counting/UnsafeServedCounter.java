package labs.threaded.counting;

/**
 * BROKEN ON PURPOSE: never used by a server; it exists to be shown failing.
 *
 * <p>{@code count++} is three steps: read {@code count}, add one, write it back. Two threads can
 * both read 5 and both write 6: one client served is never counted (a "lost update").
 * <pre>
 *   thread A: read 5 ............ write 6
 *   thread B:        read 5 .............. write 6     → 6, not 7
 * </pre>
 * The race is written out as its three steps, with a pause between the read and the write, so
 * that a test can hold two threads exactly there and make the loss happen on every run.
 *
 * <p>Thread safety: none. {@code count} is shared mutable state with no lock, no atomic and no
 * volatile: updates are lost and other threads may even see stale values.
 */
public final class UnsafeServedCounter implements ServedCounter {
    private final Runnable betweenReadAndWrite;
    private long count; // NOT guarded: that is the bug

    public UnsafeServedCounter() {
        this(() -> { });
    }

    /** @param betweenReadAndWrite runs after reading and before writing; tests pause here */
    public UnsafeServedCounter(Runnable betweenReadAndWrite) {
        this.betweenReadAndWrite = betweenReadAndWrite;
    }

    @Override
    public void increment() {
        long read = count;       // 1. read
        betweenReadAndWrite.run();
        count = read + 1;        // 2. add and 3. write: whatever another thread wrote meanwhile is overwritten
    }

    @Override
    public long get() {
        return count;
    }
}
