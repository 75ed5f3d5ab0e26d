package labs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per user name and per client address. After {@code lockoutAfter}
 * failures in a row a key is locked for {@code lockoutDuration}; every further failure doubles
 * the lock, up to {@link #MAX_LOCKOUT} (or the first lock, if that is longer). A success clears
 * the key. With the defaults (5 failures, 60 s) an attacker gets 5 guesses, then 1 per minute,
 * then 1 per 2, 4, 8... minutes, and soon fewer than 24 a day per name: hopeless against a
 * password of 8 characters or more.
 *
 * <p>Keys are strings chosen by the caller ({@code "name:alice"}, {@code "address:127.0.0.1"}).
 * A key stays until a success, so that waiting does not reset the doubling; only when the table
 * grows past {@code maxKeys} (an attack from very many addresses) are keys forgotten that are not
 * locked and have seen no failure for {@link #MAX_LOCKOUT}.
 *
 * <p>Thread safety argument. Threads: every client thread. {@code failures} is a
 * {@link ConcurrentHashMap}, and each key's counter and times are changed together in one atomic
 * {@code compute} that replaces an immutable {@link Record}, so two threads failing at once for
 * one name both count. Forgetting old keys removes a record only if it is still the one that
 * was judged old ({@code removeIf} on the map's values removes conditionally), so it never undoes
 * a failure counted meanwhile. {@code clock} and the settings are final.
 */
public final class LoginThrottle {
    public static final Duration MAX_LOCKOUT = Duration.ofHours(1);
    static final int DEFAULT_MAX_KEYS = 100_000;

    private record Record(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private final Clock clock;
    private final int lockoutAfter;
    private final Duration lockoutDuration;
    private final int maxKeys;
    private final Map<String, Record> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int lockoutAfter, Duration lockoutDuration) {
        this(clock, lockoutAfter, lockoutDuration, DEFAULT_MAX_KEYS);
    }

    LoginThrottle(Clock clock, int lockoutAfter, Duration lockoutDuration, int maxKeys) {
        this.clock = clock;
        this.lockoutAfter = lockoutAfter;
        this.lockoutDuration = lockoutDuration;
        this.maxKeys = maxKeys;
    }

    /** How much longer {@code key} is locked out, or empty when it may try now. */
    public Optional<Duration> lockedFor(String key) {
        Record record = failures.get(key);
        Instant now = clock.instant();
        if (record == null || !now.isBefore(record.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, record.lockedUntil()));
    }

    /** Counts a failure for {@code key}, locking it once there are enough. */
    public void failure(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, old) -> {
            int count = old == null ? 1 : old.failures() + 1;
            if (count < lockoutAfter) {
                return new Record(count, Instant.MIN, now);
            }
            Duration lock = lockoutDuration.multipliedBy(1L << Math.min(count - lockoutAfter, 20));
            Duration cap = lockoutDuration.compareTo(MAX_LOCKOUT) > 0 ? lockoutDuration : MAX_LOCKOUT;
            return new Record(count, now.plus(lock.compareTo(cap) > 0 ? cap : lock), now);
        });
        if (failures.size() > maxKeys) {
            Instant quietSince = now.minus(MAX_LOCKOUT);
            failures.values().removeIf(record -> !now.isBefore(record.lockedUntil()) && record.lastFailure().isBefore(quietSince));
        }
    }

    /** Forgets the failures of {@code key} after a successful login. */
    public void success(String key) {
        failures.remove(key);
    }

    /** Keys with failures on record. */
    int keys() {
        return failures.size();
    }
}
