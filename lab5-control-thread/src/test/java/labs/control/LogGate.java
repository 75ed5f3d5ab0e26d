package labs.control;

import java.util.concurrent.CountDownLatch;

import labs.common.EventLog;

/**
 * A hook for an {@link EventLog} that can stop the thread logging a chosen line in the middle of
 * it. The log calls it while holding its lock, so the stopped thread holds the log's lock (and
 * whatever locks it held before logging) until {@link #open()}.
 * This is how tests put a thread at an exact point without touching the code under test.
 */
final class LogGate implements EventLog.BeforeLine {
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
    public void reached(String line) {
        String wanted = marker;
        if (wanted != null && line.contains(wanted)) {
            marker = null;
            CountDownLatch go = release;
            reached.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // let the thread log its line and see the interrupt later
            }
        }
    }
}
