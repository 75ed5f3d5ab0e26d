package labs.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The chat load's counts, shared by every user: message lines that arrived, and of those the
 * ones delivered intact (and measured), duplicated, or damaged; and per sender, how many of its
 * messages (warm-up included) reached a user intact, which the max-rate run's {@link SendWindow} reads.
 *
 * <p>Thread safety: the reader thread counts, the load's main thread and the senders poll and
 * take snapshots; every count is an AtomicLong or an element of an AtomicLongArray.
 */
final class ChatTally {
    final AtomicLong arrived = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong damaged = new AtomicLong();
    private final AtomicLongArray deliveredFrom;

    ChatTally(int senders) {
        deliveredFrom = new AtomicLongArray(senders);
    }

    /** A message of {@code sender}'s reached one more user, for the first time and intact. */
    void deliveredOnce(int sender) {
        deliveredFrom.incrementAndGet(sender);
    }

    /** Intact first deliveries of {@code sender}'s messages so far, warm-up included. */
    long deliveredFrom(int sender) {
        return deliveredFrom.get(sender);
    }
}
