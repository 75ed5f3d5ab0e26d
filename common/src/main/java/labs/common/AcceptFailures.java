package labs.common;

import java.time.Duration;

/**
 * What the accept loop does when accept() fails. Out of file descriptors ("Too many open files"),
 * accept() fails at once, every time, until a client leaves; retrying at once spins a core and,
 * logging each failure, writes tens of thousands of lines a second. So the acceptor waits before
 * it tries again (10 ms, doubling up to 1 s; back to 10 ms after a success), and the log gets one
 * line when a kind of failure starts and one with its count when it ends.
 *
 * <p>Thread safety: confined to one acceptor thread.
 */
final class AcceptFailures {
    static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final EventLog log;
    private String kind;     // the failure now repeating; null while accepting works
    private long count;      // how many times in a row it happened
    private Duration pause;  // the last pause; null after a success

    AcceptFailures(EventLog log) {
        this.log = log;
    }

    /** Records a failed accept() and returns how long to wait before the next one. */
    Duration failed(Throwable failure) {
        String what = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (!what.equals(kind)) {
            ended("then it failed differently");
            kind = what;
            log.info("accept failed: " + what + "; retrying after a pause that doubles from "
                    + FIRST_PAUSE.toMillis() + " ms to " + LONGEST_PAUSE.toMillis() + " ms (repeats are counted, not logged)");
        }
        count++;
        pause = pause == null ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
        return pause;
    }

    /** accept() worked: the next failure starts from the shortest pause. */
    void succeeded() {
        ended("accepting again");
        pause = null;
    }

    /** The listening socket was closed: say how the failures that were repeating ended. */
    void closed() {
        ended("then the socket was closed");
    }

    private void ended(String how) {
        if (kind != null) {
            log.info("accept failed " + count + " time(s) in a row with " + kind + "; " + how);
            kind = null;
            count = 0;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
