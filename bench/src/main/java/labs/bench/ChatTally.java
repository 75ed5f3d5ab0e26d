package labs.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat load's counts, shared by every user: message lines that arrived, and of those the
 * ones delivered intact (and measured), duplicated, or damaged.
 *
 * <p>Thread safety: the reader thread counts, the load's main thread polls and takes snapshots;
 * every count is an AtomicLong.
 */
final class ChatTally {
    final AtomicLong arrived = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong damaged = new AtomicLong();
}
