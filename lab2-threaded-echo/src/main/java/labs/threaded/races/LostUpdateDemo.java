package labs.threaded.races;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import labs.threaded.counting.AtomicServedCounter;
import labs.threaded.counting.LongAdderServedCounter;
import labs.threaded.counting.ServedCounter;
import labs.threaded.counting.SynchronizedServedCounter;
import labs.threaded.counting.UnsafeServedCounter;

/**
 * (a) Lost updates, unforced: four threads increment one counter, five times over. The unsafe
 * counter ends below the exact total, by a different amount each run; the three fixed ones
 * are exact every time.
 *
 * <p>Between its read and its write each counter calls {@link Thread#onSpinWait()}: a CPU pause
 * hint, there so that the JIT keeps every read and write to memory (without it, it may fold a
 * thread's million increments into one addition) and the window between them is as wide as a
 * little real work would make it.
 *
 * <p>Thread safety: the counters are shared by the incrementing threads on purpose (that is the
 * lesson); each total is read by main after {@code join()}, which orders every increment before it.
 */
final class LostUpdateDemo {
    private static final int THREADS = 4;
    private static final int RUNS = 5;

    private final int perThread;
    private final PrintStream out;

    LostUpdateDemo(boolean quick, PrintStream out) {
        this.perThread = quick ? 100_000 : 1_000_000;
        this.out = out;
    }

    void run() throws InterruptedException {
        long exact = (long) THREADS * perThread;
        out.printf("%d threads x %,d increments each; the exact total is %,d%n", THREADS, perThread, exact);
        int lossy = 0;
        for (int run = 1; run <= RUNS; run++) {
            long total = count(new UnsafeServedCounter(Thread::onSpinWait));
            out.printf("unsafe       run %d: %,11d  (%,d lost)%n", run, total, exact - total);
            lossy += total == exact ? 0 : 1;
        }
        boolean fixedExact = fixed("synchronized", () -> new SynchronizedServedCounter(Thread::onSpinWait), exact)
                & fixed("atomic (CAS)", () -> new AtomicServedCounter(Thread::onSpinWait), exact)
                & fixed("LongAdder", LongAdderServedCounter::new, exact);
        out.printf("verdict: the unsafe counter lost updates in %d of %d runs; the fixed counters were %s%n",
                lossy, RUNS, fixedExact ? "exact every time" : "WRONG");
    }

    private boolean fixed(String name, Supplier<ServedCounter> counters, long exact) throws InterruptedException {
        StringBuilder totals = new StringBuilder();
        boolean allExact = true;
        for (int run = 1; run <= RUNS; run++) {
            long total = count(counters.get());
            allExact &= total == exact;
            totals.append(String.format(" %,d", total));
        }
        out.printf("%-12s runs 1-%d:%s%n", name, RUNS, totals);
        return allExact;
    }

    private long count(ServedCounter counter) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    counter.increment();
                }
            }, "incrementer-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return counter.get();
    }
}
