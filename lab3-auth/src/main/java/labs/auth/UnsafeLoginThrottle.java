package labs.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * BROKEN ON PURPOSE (a teaching example; no server uses it): the lock-out as lab 3 first had it,
 * "check the lock, verify the guess, then count it".
 * <pre>
 *   if (locked(key)) refuse;   // 100 threads: not locked (nobody has counted yet)
 *   right = verify(guess);     // 100 threads verify at once: slow on purpose (PBKDF2)
 *   if (!right) failure(key);  // 100 failures counted, too late: 100 guesses were checked, not 5
 * </pre>
 * Each step is thread-safe (the counts live in a {@link LoginThrottle}); the sequence is not.
 * The verification is the gap between check and act, and it is long.
 *
 * <p>Thread safety: none for the sequence, see above; the fix is {@link LoginThrottle#guess}.
 */
public final class UnsafeLoginThrottle implements GuessLimiter {
    private final LoginThrottle counts;

    public UnsafeLoginThrottle(LoginThrottle counts) {
        this.counts = counts;
    }

    @Override
    public Verdict guess(Check check, String... keys) {
        for (String key : keys) {                       // check...
            Optional<Duration> locked = counts.lockedFor(key);
            if (locked.isPresent()) {
                return new Verdict(Outcome.LOCKED, locked.get());
            }
        }
        boolean right = check.isRight();                // ...every thread that checked before the first count is here...
        if (right) {
            return new Verdict(Outcome.RIGHT, Duration.ZERO);
        }
        for (String key : keys) {
            counts.failure(key);                        // ...and act: counted after the fact
        }
        return new Verdict(Outcome.WRONG, Duration.ZERO);
    }
}
