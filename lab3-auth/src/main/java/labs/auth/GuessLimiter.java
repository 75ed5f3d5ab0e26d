package labs.auth;

/**
 * The race lesson's lock-out: a password guess may be checked only while its keys (the user's
 * name, the client's address) are not locked out. Two implementations side by side:
 * {@link UnsafeLoginThrottle} (check the lock, verify, then count: broken) and
 * {@link LoginThrottle} (count first, in one atomic step with the check). See docs/races.md, lesson 9.
 */
public interface GuessLimiter {
    /** The slow check of one guess (PBKDF2); a test pauses threads here, between check and count. */
    @FunctionalInterface
    interface Check {
        boolean isRight();
    }

    enum Outcome { RIGHT, WRONG, LOCKED }

    /** What became of a guess; {@code lockedFor} says how long to wait when it was {@code LOCKED}. */
    record Verdict(Outcome outcome, java.time.Duration lockedFor) {
    }

    /** Runs {@code check} unless one of {@code keys} is locked out, and counts a wrong guess for every key. */
    Verdict guess(Check check, String... keys);
}
