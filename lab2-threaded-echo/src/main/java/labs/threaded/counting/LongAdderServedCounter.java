package labs.threaded.counting;

import java.util.concurrent.atomic.LongAdder;

/**
 * Fixed for heavy contention: a LongAdder keeps several cells and lets each thread add to its
 * own, summing them only when read. Increments from many cores do not fight over one memory
 * location; a read is a moment's sum, exact once the increments have stopped.
 *
 * <p>Thread safety: a thread-safe type; {@code count} is a LongAdder, final.
 */
public final class LongAdderServedCounter implements ServedCounter {
    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        count.increment();
    }

    @Override
    public long get() {
        return count.sum();
    }
}
