package labs.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One thread for the whole room that looks, a few times per idle limit, for users who have been
 * silent too long, and nudges their writers ({@link Member#nudgeIfSilent}); each writer then
 * decides with its own {@link IdleTimer} whether to warn or disconnect.
 *
 * <p>Why not let each writer wait with a time limit: a timed wait arms a timer and cancels it
 * every time a message wakes the writer, a hundred thousand times a second under a busy chat. For
 * a virtual thread that was a quarter of the server's CPU per delivery (docs/benchmarks.md). With
 * this watch a writer waits with no time limit, and the one timer left ticks a few times a second
 * for the room, however many messages flow. The price: a notice may come up to one period late.
 *
 * <p>The thread runs only while somebody is online: it ends when it finds the room empty, and the
 * next {@link #memberJoined} starts a new one, so a server with nobody online holds no thread.
 *
 * <p>Thread safety. Threads: every user's thread ({@link #memberJoined}, after the room's list
 * holds the member) and the watch thread. {@code watcher} is guarded by {@code lock}; the watch
 * thread tests "the room is empty" and clears {@code watcher} in one step under that lock, so a
 * member who joins meanwhile either is seen by that test or finds {@code watcher} cleared and
 * starts a new watch: nobody is ever left unwatched. The rest is final.
 */
final class IdleWatch {
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long silenceNanos;
    private final long periodNanos;
    private final Supplier<List<Member>> online;
    private final ThreadFactory threads;
    private final Object lock = new Object();
    private Thread watcher; // guarded by lock

    /**
     * @param timeout the silence after which a writer must look at its user ({@code --idle-timeout})
     * @param warning the time from the warning to the disconnect
     * @param online  the members online now
     */
    IdleWatch(Duration timeout, Duration warning, Supplier<List<Member>> online, ThreadFactory threads) {
        this.silenceNanos = timeout.toNanos();
        this.periodNanos = period(timeout, warning).toNanos();
        this.online = online;
        this.threads = threads;
    }

    /** How often the watch looks: a quarter of the shorter limit, from 10 ms to 1 s. */
    static Duration period(Duration timeout, Duration warning) {
        long shorter = Math.min(timeout.toNanos(), warning.isZero() ? timeout.toNanos() : warning.toNanos());
        return Duration.ofNanos(Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, shorter / 4)));
    }

    /** Makes sure a watch runs; called after a member was added to the room. */
    void memberJoined() {
        synchronized (lock) {
            if (watcher == null) {
                watcher = threads.newThread(this::watch);
                watcher.setName("chat idle watch");
                watcher.start();
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                TimeUnit.NANOSECONDS.sleep(periodNanos);
                List<Member> members;
                synchronized (lock) {
                    members = online.get();
                    if (members.isEmpty()) {
                        watcher = null;
                        return;
                    }
                }
                long now = System.nanoTime();
                for (int i = 0; i < members.size(); i++) { // by index: no iterator per round
                    members.get(i).nudgeIfSilent(now, silenceNanos);
                }
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                watcher = null; // the next member to join starts a new watch
            }
        }
    }
}
