package labs.threaded.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The lost update, forced: each test holds threads at the exact point between the read and the
 * write, so the outcome never depends on luck or on the machine.
 *
 * <pre>
 *   outcome after two increments | Unsafe     | Synchronized | Atomic
 *   2                            | possible   | always       | always
 *   1 (an update lost)           | forced here| impossible   | impossible
 * </pre>
 */
class ServedCounterRaceTest {

    @RepeatedTest(20)
    void unsafeCounterLosesAnUpdateEveryTime() throws Exception {
        // Both threads must have read before either writes: they meet at the barrier in between.
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        ServedCounter counter = new UnsafeServedCounter(() -> meet(bothHaveRead));
        runTogether(counter::increment, counter::increment);
        assertThat(counter.get()).as("two increments, one lost").isEqualTo(1);
    }

    @Test
    void synchronizedCounterMakesTheSecondThreadWaitAtTheLock() throws Exception {
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch letFirstWrite = new CountDownLatch(1);
        AtomicInteger pauses = new AtomicInteger();
        ServedCounter counter = new SynchronizedServedCounter(() -> {
            if (pauses.getAndIncrement() == 0) { // only the first thread to get in pauses
                firstHasRead.countDown();
                hold(letFirstWrite);
            }
        });
        Thread first = new Thread(counter::increment, "first");
        first.start();
        firstHasRead.await(10, TimeUnit.SECONDS);
        Thread second = new Thread(counter::increment, "second");
        second.start();
        // The first thread is between its read and its write; the second cannot get in.
        await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.BLOCKED);
        letFirstWrite.countDown();
        first.join(10_000);
        second.join(10_000);
        assertThat(counter.get()).isEqualTo(2);
    }

    @Test
    void atomicCounterNoticesTheInterferenceAndRetries() throws Exception {
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch secondHasWritten = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        ServedCounter counter = new AtomicServedCounter(() -> {
            if (reads.getAndIncrement() == 0) { // the first read: hold it until the other thread has written
                firstHasRead.countDown();
                hold(secondHasWritten);
            }
        });
        Thread first = new Thread(counter::increment, "first");
        first.start();
        firstHasRead.await(10, TimeUnit.SECONDS);
        Thread second = new Thread(counter::increment, "second");
        second.start();
        second.join(10_000);
        assertThat(counter.get()).isEqualTo(1); // the second got in while the first was paused
        secondHasWritten.countDown();
        first.join(10_000);
        assertThat(counter.get()).isEqualTo(2);
        assertThat(reads.get()).as("first read, second's read, first's retry").isEqualTo(3);
    }

    @RepeatedTest(3)
    void fixedCountersAreExactUnderHeavyContention() throws Exception {
        for (Supplier<ServedCounter> fixed : List.<Supplier<ServedCounter>>of(
                SynchronizedServedCounter::new, AtomicServedCounter::new, LongAdderServedCounter::new)) {
            ServedCounter counter = fixed.get();
            int threads = 8;
            int each = 50_000;
            Runnable work = () -> {
                for (int i = 0; i < each; i++) {
                    counter.increment();
                }
            };
            Runnable[] all = new Runnable[threads];
            java.util.Arrays.fill(all, work);
            runTogether(all);
            assertThat(counter.get()).as(counter.getClass().getSimpleName()).isEqualTo((long) threads * each);
        }
    }

    @Test
    void unsafeCounterIsCorrectWhenOnlyOneThreadUsesIt() {
        ServedCounter counter = new UnsafeServedCounter();
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        assertThat(counter.get()).isEqualTo(1_000);
    }

    private static void runTogether(Runnable... tasks) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        List<Thread> threads = new ArrayList<>();
        for (Runnable task : tasks) {
            Thread thread = new Thread(() -> {
                meet(start);
                task.run();
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("threads did not meet", e);
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
