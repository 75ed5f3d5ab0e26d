package labs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per user name and per client address. After {@code lockoutAfter}
 * failures a key is locked for {@code lockoutDuration}; every further failure doubles the lock,
 * up to {@link #MAX_LOCKOUT} (or the first lock, if that is longer). With the defaults (5
 * failures, 60 s) an attacker gets 5 guesses, then 1 per minute, then 1 per 2, 4, 8... minutes:
 * hopeless against a password of 8 characters or more.
 *
 * <p>A guess is counted <em>before</em> it is checked ({@link #guess}): the check of the lock and
 * the count are one atomic step per key, so a hundred guesses sent at once get no more checks than
 * the lock allows (lesson 9 in docs/races.md; {@link UnsafeLoginThrottle} is what happens
 * otherwise). A right guess gives its count back. The caller decides what a success clears: the
 * login clears the name's failures ({@link #success}) but never the address's, or an attacker
 * could log into its own account between guesses and never be locked.
 *
 * <p>Keys are strings chosen by the caller ({@code "name:alice"}, {@code "address:127.0.0.1"}).
 * A key is forgotten an hour ({@link #MAX_LOCKOUT}) after its last failure and its lock have
 * passed: waiting a lock out does not reset the doubling, but a classroom behind one address is
 * not punished for ever for old typos. Forgotten keys are treated as absent at once and removed
 * by an amortised {@link Sweeper} once the table holds more than {@code maxKeys}.
 *
 * <p>Thread safety argument. Threads: every client thread. {@code records} is a
 * {@link ConcurrentHashMap}, and each key's counts and times change together in one atomic
 * {@code compute} that replaces an immutable {@link Record}, so "is it locked?" and "count this
 * guess" cannot be split by another thread. A guess on two keys takes them one after the other
 * and gives back what it took if the second refuses: no lock is held across keys, so no
 * deadlock. Sweeping removes a record only if it is still the stale one tested. {@code clock},
 * the settings and the sweeper are final; a {@link Permit} is confined to the thread that got it.
 */
public final class LoginThrottle implements GuessLimiter {
    public static final Duration MAX_LOCKOUT = Duration.ofHours(1);
    static final int DEFAULT_MAX_KEYS = 100_000;

    /** {@code failures}: wrong guesses counted; {@code pending}: guesses being checked right now. */
    private record Record(int failures, int pending, Instant lockedUntil, Instant lastFailure) {
        static final Record NONE = new Record(0, 0, Instant.MIN, Instant.MIN);
    }

    private final Clock clock;
    private final int lockoutAfter;
    private final Duration lockoutDuration;
    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private final Sweeper<Record> sweeper;

    public LoginThrottle(Clock clock, int lockoutAfter, Duration lockoutDuration) {
        this(clock, lockoutAfter, lockoutDuration, DEFAULT_MAX_KEYS);
    }

    LoginThrottle(Clock clock, int lockoutAfter, Duration lockoutDuration, int maxKeys) {
        this.clock = clock;
        this.lockoutAfter = lockoutAfter;
        this.lockoutDuration = lockoutDuration;
        this.sweeper = new Sweeper<>(records, maxKeys);
    }

    /** How much longer {@code key} is locked out, or empty when it may try now. */
    public Optional<Duration> lockedFor(String key) {
        Record record = records.get(key);
        Instant now = clock.instant();
        if (record == null || !now.isBefore(record.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, record.lockedUntil()));
    }

    /**
     * Checks a guess with every key counted first: refused ({@code LOCKED}) if a key is locked or
     * already has as many guesses being checked as it may still get; else {@code check} runs, and
     * a wrong guess stays counted for every key while a right one gives the counts back.
     */
    @Override
    public Verdict guess(Check check, String... keys) {
        Permit permit;
        try {
            permit = reserve(keys);
        } catch (LockedOut locked) {
            return new Verdict(Outcome.LOCKED, locked.retryAfter);
        }
        boolean right = false;
        try {
            right = check.isRight();
        } finally {
            permit.end(right); // a check that throws counts as a failure: it must not give free guesses
        }
        sweeper.afterInsert(record -> stale(record, clock.instant()));
        return new Verdict(right ? Outcome.RIGHT : Outcome.WRONG, Duration.ZERO);
    }

    /** Counts a failure for {@code key} (a bad session token), locking it once there are enough. */
    public void failure(String key) {
        Instant now = clock.instant();
        records.compute(key, (k, old) -> failed(live(old, now), 0, now));
        sweeper.afterInsert(record -> stale(record, clock.instant()));
    }

    /** Forgets the failures of {@code key} after a successful login; guesses still being checked stay counted. */
    public void success(String key) {
        records.computeIfPresent(key, (k, old) -> old.pending() == 0 ? null : new Record(0, old.pending(), Instant.MIN, Instant.MIN));
    }

    /** Keys with failures on record. */
    int keys() {
        return records.size();
    }

    /** Records tested by sweeps so far (tests show it grows with the insertions, not with their square). */
    long scanned() {
        return sweeper.scanned();
    }

    /** One reserved guess: ended once, by {@link #end}. */
    private final class Permit {
        private final List<String> keys;

        private Permit(List<String> keys) {
            this.keys = keys;
        }

        void end(boolean right) {
            Instant now = clock.instant();
            for (String key : keys) {
                records.compute(key, (k, old) -> right ? givenBack(old) : failed(old == null ? Record.NONE : old, 1, now));
            }
        }
    }

    private static final class LockedOut extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        LockedOut(Duration retryAfter) {
            super(null, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    private Permit reserve(String... keys) throws LockedOut {
        Instant now = clock.instant();
        List<String> taken = new ArrayList<>();
        for (String key : keys) {
            boolean[] granted = {false}; // compute runs its function exactly once, atomically
            Record after = records.compute(key, (k, old) -> {
                Record record = live(old, now);
                // After the first lock has run out, one guess at a time: its failure sets the next lock.
                int mayStillGet = record.failures() < lockoutAfter ? lockoutAfter - record.failures() : 1;
                if (now.isBefore(record.lockedUntil()) || record.pending() >= mayStillGet) {
                    return old;
                }
                granted[0] = true;
                return new Record(record.failures(), record.pending() + 1, record.lockedUntil(), record.lastFailure());
            });
            if (!granted[0]) {
                new Permit(taken).end(true); // give back what the earlier keys took
                Record record = live(after, now);
                throw new LockedOut(now.isBefore(record.lockedUntil()) ? Duration.between(now, record.lockedUntil())
                        : lockFor(record.failures() + record.pending())); // the lock its pending guesses are about to set
            }
            taken.add(key);
        }
        return new Permit(taken);
    }

    private Record failed(Record old, int reserved, Instant now) {
        int count = old.failures() + 1;
        Instant lockedUntil = count < lockoutAfter ? Instant.MIN : now.plus(lockFor(count));
        return new Record(count, Math.max(0, old.pending() - reserved), lockedUntil, now);
    }

    private static Record givenBack(Record old) {
        if (old == null || old.failures() == 0 && old.pending() <= 1) {
            return null;
        }
        return new Record(old.failures(), Math.max(0, old.pending() - 1), old.lockedUntil(), old.lastFailure());
    }

    /** The lock after {@code count} failures: the first one, doubled for each further failure, capped. */
    private Duration lockFor(int count) {
        Duration lock = lockoutDuration.multipliedBy(1L << Math.min(Math.max(0, count - lockoutAfter), 20));
        Duration cap = lockoutDuration.compareTo(MAX_LOCKOUT) > 0 ? lockoutDuration : MAX_LOCKOUT;
        return lock.compareTo(cap) > 0 ? cap : lock;
    }

    /** The record as it counts now: a forgotten one (see {@link #stale}) counts as none. */
    private static Record live(Record record, Instant now) {
        return record == null || stale(record, now) ? Record.NONE : record;
    }

    /** Nothing pending, and an hour has passed since both its last failure and its lock. */
    private static boolean stale(Record record, Instant now) {
        Instant last = record.lockedUntil().isAfter(record.lastFailure()) ? record.lockedUntil() : record.lastFailure();
        return record.pending() == 0 && !now.isBefore(last.plus(MAX_LOCKOUT));
    }
}
