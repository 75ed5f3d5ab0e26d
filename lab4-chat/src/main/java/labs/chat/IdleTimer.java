package labs.chat;

import java.time.Duration;

/**
 * When a silent user is warned and when disconnected: {@code timeout} after the last line heard
 * a notice, then {@code warning} later, if still nothing was heard, the disconnect. Pure
 * arithmetic on times the caller passes in, so tests need no clock and no sleep.
 *
 * <p>Why: a connection that dies without a FIN (a laptop lid closed, Wi-Fi gone) looks to the
 * server exactly like a user who says nothing; only a time limit frees its thread and socket.
 *
 * <p>The writer asks it when the room's {@link IdleWatch} nudges it, which happens every period
 * (a quarter of the shorter limit) while the user has been silent for the timeout, so each
 * step comes at most one period late. A line heard during the warning starts the count again.
 *
 * <p>Thread safety: not thread-safe; each member's timer is confined to that member's writer thread.
 */
final class IdleTimer {
    enum Action { NONE, WARN, DISCONNECT }

    private final long timeoutNanos; // 0 = no limit
    private final long warningNanos;
    private final String notice;
    private boolean warned;
    private long warnedAbout; // the time of the last line heard when the warning went out

    IdleTimer(Duration timeout, Duration warning) {
        this.timeoutNanos = timeout.toNanos();
        this.warningNanos = warning.toNanos();
        this.notice = "* idle for " + ChatSettings.describe(timeout) + ": you will be disconnected in "
                + ChatSettings.describe(warning) + " unless you send a line";
    }

    /** How long until the next step (the warning, or the disconnect after it) is due; MAX_VALUE with no limit. */
    long nanosUntilDue(long now, long lastHeard) {
        if (timeoutNanos == 0) {
            return Long.MAX_VALUE;
        }
        long due = lastHeard + timeoutNanos + (isWarned(lastHeard) ? warningNanos : 0);
        return Math.max(0, due - now);
    }

    /** What to do now: nothing, send the notice, or disconnect the user. */
    Action check(long now, long lastHeard) {
        if (timeoutNanos == 0 || nanosUntilDue(now, lastHeard) > 0) {
            return Action.NONE;
        }
        if (isWarned(lastHeard)) {
            return Action.DISCONNECT;
        }
        warned = true;
        warnedAbout = lastHeard;
        return Action.WARN;
    }

    String notice() {
        return notice;
    }

    String reason() {
        return "idle for " + ChatSettings.describe(Duration.ofNanos(timeoutNanos + warningNanos)) + " (no line received)";
    }

    /** A line heard after the warning starts the count again. */
    private boolean isWarned(long lastHeard) {
        return warned && warnedAbout == lastHeard;
    }
}
