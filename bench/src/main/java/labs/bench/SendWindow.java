package labs.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop pacing for the max-rate chat run: a sender may send message {@code n} only once its
 * messages up to {@code n - window} have been delivered as many times as there are other users.
 *
 * <p>Why: sending as fast as the sockets take it measures the generator, not the server. One
 * reader thread reads for 100 users; when the server delivers faster than it reads, the users'
 * queues in lab 4 pass their limit and lab 4 disconnects them as slow readers, as it should.
 * With a window the senders go exactly as fast as the server and the generator together can
 * deliver, every user stays within a few hundred messages of the newest, and nothing is dropped.
 *
 * <p>Thread safety. Threads: the sender threads ({@link #awaitRoom}) and the load's reader
 * thread ({@link #wakeWaiting}, after it counted deliveries in the {@link ChatTally}, which is
 * thread-safe). {@code waiting} is an AtomicReferenceArray and {@code needed} an AtomicLongArray:
 * a sender publishes the count it waits for and then itself before re-checking and parking, and
 * the reader unparks a sender it finds there once the count is reached, so a wake-up is never
 * lost (an unpark before the park makes the park return at once); the rest is final.
 */
final class SendWindow {
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ChatTally tally;
    private final int window;
    private final long deliveriesPerMessage;
    private final AtomicReferenceArray<Thread> waiting;
    private final AtomicLongArray needed;

    /**
     * @param window               messages a sender may have on their way at once
     * @param deliveriesPerMessage users that receive each message: everybody but the sender
     */
    SendWindow(ChatTally tally, int senders, int window, long deliveriesPerMessage) {
        this.tally = tally;
        this.window = window;
        this.deliveriesPerMessage = deliveriesPerMessage;
        this.waiting = new AtomicReferenceArray<>(senders);
        this.needed = new AtomicLongArray(senders);
    }

    /**
     * Waits until {@code sender} may send its message number {@code n}; false when no message of
     * its arrived anywhere for {@code quietNanos} (the server dropped users or stopped), so the
     * sender should stop: what it did not send counts as missing.
     */
    boolean awaitRoom(int sender, long n, long quietNanos) throws InterruptedException {
        long seen = tally.deliveredFrom(sender);
        long lastChange = System.nanoTime();
        long enough = (n - window + 1) * deliveriesPerMessage;
        while (tally.deliveredFrom(sender) < enough) {
            needed.set(sender, enough);
            waiting.set(sender, Thread.currentThread());
            if (tally.deliveredFrom(sender) < enough) {
                LockSupport.parkNanos(this, PARK_NANOS);
            }
            waiting.set(sender, null);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long now = System.nanoTime();
            long count = tally.deliveredFrom(sender);
            if (count != seen) {
                seen = count;
                lastChange = now;
            } else if (now - lastChange > quietNanos) {
                return false;
            }
        }
        return true;
    }

    /** Unparks every sender whose window has room again; the reader calls it after each round of reads. */
    void wakeWaiting() {
        for (int k = 0; k < waiting.length(); k++) {
            Thread sender = waiting.get(k);
            if (sender != null && tally.deliveredFrom(k) >= needed.get(k)) {
                LockSupport.unpark(sender);
            }
        }
    }
}
