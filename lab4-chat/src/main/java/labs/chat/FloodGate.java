package labs.chat;

import java.util.function.LongSupplier;

/**
 * Decides whether a user may send one more line now: a token bucket that holds {@code burst}
 * tokens and gains {@code perSecond} a second; each line takes one.
 *
 * <p>Kept as one number, the time at which the bucket would be full again ({@code fullAt}):
 * a line is allowed when taking its token leaves that time no more than {@code burst} tokens'
 * worth ahead of now. The clock is a parameter, so tests move time by hand and never sleep.
 *
 * <p>Thread safety: not thread-safe; each user's gate is confined to that user's reader thread.
 */
final class FloodGate {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int burst;
    private final long nanosPerToken; // 0 = no limit
    private final LongSupplier nanoClock;
    private long fullAt;
    private int droppedInARow;

    FloodGate(int burst, int perSecond, LongSupplier nanoClock) {
        this.burst = burst;
        this.nanosPerToken = perSecond == 0 ? 0 : NANOS_PER_SECOND / perSecond;
        this.nanoClock = nanoClock;
        this.fullAt = nanoClock.getAsLong();
    }

    /** Takes a token for one line: true when the line may go, false when it must be dropped. */
    boolean tryAcquire() {
        if (nanosPerToken == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        long next = Math.max(fullAt, now) + nanosPerToken;
        if (next - now > burst * nanosPerToken) {
            droppedInARow++;
            return false;
        }
        fullAt = next;
        droppedInARow = 0;
        return true;
    }

    /** Lines dropped since the last one allowed: 1 means the flood has just begun. */
    int droppedInARow() {
        return droppedInARow;
    }

    /** True once the user has gone on sending for a whole burst of dropped lines. */
    boolean persistent() {
        return droppedInARow >= burst;
    }
}
