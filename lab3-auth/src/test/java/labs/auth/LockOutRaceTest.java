package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The lock-out's check-then-act race, forced (lesson 9 in docs/races.md). Every guesser is held
 * inside the verification, the gap between the unsafe throttle's check and its count, until all
 * of them have either got there or been refused. So with {@link UnsafeLoginThrottle} all 100 pass
 * the check before anyone counts, on every run; {@link LoginThrottle}, which counts before it
 * checks, lets exactly 5 in under the very same pause.
 */
class LockOutRaceTest {
    private static final int GUESSERS = 100;
    private static final int LOCKOUT_AFTER = 5;

    private final FakeClock clock = new FakeClock();

    /** How many of the guessers' wrong guesses were verified. */
    private static int verifiedWhenAllGuessAtOnce(GuessLimiter limiter, boolean pauseInside) throws Exception {
        CountDownLatch decided = new CountDownLatch(GUESSERS); // inside the check, or refused
        AtomicInteger verified = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(GUESSERS);
        try {
            List<Future<GuessLimiter.Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < GUESSERS; i++) {
                String address = "address:10.0.0." + i;
                verdicts.add(pool.submit(() -> {
                    GuessLimiter.Verdict verdict = limiter.guess(() -> {
                        verified.incrementAndGet();
                        decided.countDown();
                        if (pauseInside) {
                            await(decided); // the pause between check and count: everyone else decides meanwhile
                        }
                        return false;
                    }, "name:alice", address);
                    if (verdict.outcome() == GuessLimiter.Outcome.LOCKED) {
                        decided.countDown();
                    }
                    return verdict;
                }));
            }
            for (Future<GuessLimiter.Verdict> verdict : verdicts) {
                verdict.get(30, TimeUnit.SECONDS);
            }
            return verified.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other guessers never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theUnsafeThrottleVerifiesEveryGuessSentAtOnce() throws Exception {
        LoginThrottle counts = new LoginThrottle(clock, LOCKOUT_AFTER, Duration.ofSeconds(60));

        int verified = verifiedWhenAllGuessAtOnce(new UnsafeLoginThrottle(counts), true);

        assertThat(verified).as("guesses checked with a lock-out after 5").isEqualTo(GUESSERS);
        assertThat(counts.lockedFor("name:alice")).as("locked, but far too late").isPresent();
    }

    @Test
    void theSafeThrottleVerifiesExactlyTheAllowanceUnderTheSamePause() throws Exception {
        LoginThrottle throttle = new LoginThrottle(clock, LOCKOUT_AFTER, Duration.ofSeconds(60));

        assertThat(verifiedWhenAllGuessAtOnce(throttle, true)).isEqualTo(LOCKOUT_AFTER);
        assertThat(throttle.lockedFor("name:alice")).contains(Duration.ofSeconds(60));
    }

    @Test
    void theSafeThrottleHoldsUnderStressInEveryLockWindow() throws Exception {
        for (int round = 0; round < 30; round++) {
            LoginThrottle throttle = new LoginThrottle(clock, LOCKOUT_AFTER, Duration.ofSeconds(60));
            assertThat(verifiedWhenAllGuessAtOnce(throttle, false)).as("round %d, first window", round).isEqualTo(LOCKOUT_AFTER);
            clock.advance(throttle.lockedFor("name:alice").orElseThrow());
            assertThat(verifiedWhenAllGuessAtOnce(throttle, false)).as("round %d, after the lock ran out", round).isEqualTo(1);
        }
    }

    @Test
    void theUnsafeThrottleIsRightWhenNobodyRaces() {
        LoginThrottle counts = new LoginThrottle(clock, 2, Duration.ofSeconds(60));
        UnsafeLoginThrottle unsafe = new UnsafeLoginThrottle(counts);

        assertThat(unsafe.guess(() -> true, "name:bob").outcome()).isEqualTo(GuessLimiter.Outcome.RIGHT);
        assertThat(unsafe.guess(() -> false, "name:bob").outcome()).isEqualTo(GuessLimiter.Outcome.WRONG);
        assertThat(unsafe.guess(() -> false, "name:bob").outcome()).isEqualTo(GuessLimiter.Outcome.WRONG);
        assertThat(unsafe.guess(() -> true, "name:bob")).isEqualTo(new GuessLimiter.Verdict(GuessLimiter.Outcome.LOCKED,
                Duration.ofSeconds(60)));
    }
}
