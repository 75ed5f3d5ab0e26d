package labs.auth;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Removes a map's stale entries without scanning the whole map on every change. A sweep runs
 * only when the map has grown past twice what the last sweep left (and past a floor), so each
 * sweep of n entries follows at least n/2 insertions: about two entries scanned per insertion,
 * however large the map grows, instead of the whole map per call (issue 10, item 9).
 *
 * <p>Thread safety argument. Threads: every thread that inserts into the map calls
 * {@link #afterInsert}. The map is a thread-safe map whose {@code removeIf} removes an entry only
 * if it is still the one tested. {@code sweepAbove} is guarded by {@code lock} for writes and
 * volatile, so the quick size check outside the lock sees the latest threshold; one thread
 * sweeps at a time, the others skip. {@code scanned} is an atomic counter (a test hook).
 */
final class Sweeper<V> {
    private final Map<?, V> map;
    private final int floor;
    private final Object lock = new Object();
    private volatile int sweepAbove; // written under lock
    private final AtomicLong scanned = new AtomicLong();

    Sweeper(Map<?, V> map, int floor) {
        this.map = map;
        this.floor = floor;
        this.sweepAbove = floor;
    }

    /** Sweeps {@code stale} entries if the map has doubled since the last sweep. */
    void afterInsert(Predicate<V> stale) {
        if (map.size() <= sweepAbove) {
            return;
        }
        synchronized (lock) {
            if (map.size() <= sweepAbove) {
                return; // another thread swept meanwhile
            }
            map.values().removeIf(value -> {
                scanned.incrementAndGet();
                return stale.test(value);
            });
            sweepAbove = Math.max(floor, 2 * map.size());
        }
    }

    /** Entries tested by all sweeps so far: what tests bound. */
    long scanned() {
        return scanned.get();
    }
}
