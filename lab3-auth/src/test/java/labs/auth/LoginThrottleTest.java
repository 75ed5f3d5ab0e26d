package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Lock-outs after repeated failures, doubling up to an hour, on a fake clock: no waiting. */
class LoginThrottleTest {
    private final FakeClock clock = new FakeClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofSeconds(60));

    @Test
    void locksAKeyAfterFiveFailuresForAMinute() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("name:bob");
        }
        assertThat(throttle.lockedFor("name:bob")).isEmpty();

        throttle.failure("name:bob");

        assertThat(throttle.lockedFor("name:bob")).contains(Duration.ofSeconds(60));
        assertThat(throttle.lockedFor("name:alice")).as("other keys are free").isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.lockedFor("name:bob")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("name:bob")).isEmpty();
    }

    @Test
    void everyFurtherFailureDoublesTheLockUpToAnHour() {
        for (int i = 0; i < 5; i++) {
            throttle.failure("address:10.0.0.1");
        }
        Duration expected = Duration.ofSeconds(60);
        for (int i = 0; i < 8; i++) {
            clock.advance(throttle.lockedFor("address:10.0.0.1").orElseThrow());
            throttle.failure("address:10.0.0.1");
            expected = expected.multipliedBy(2);
            Duration capped = expected.compareTo(LoginThrottle.MAX_LOCKOUT) > 0 ? LoginThrottle.MAX_LOCKOUT : expected;
            assertThat(throttle.lockedFor("address:10.0.0.1")).contains(capped);
        }
        assertThat(throttle.lockedFor("address:10.0.0.1")).contains(Duration.ofHours(1));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failure("name:bob");
        }

        throttle.success("name:bob");

        assertThat(throttle.lockedFor("name:bob")).isEmpty();
        throttle.failure("name:bob");
        assertThat(throttle.lockedFor("name:bob")).as("counting starts again").isEmpty();
    }

    @Test
    void aFullTableForgetsOnlyKeysThatAreUnlockedAndQuietForAnHour() {
        LoginThrottle small = new LoginThrottle(clock, 2, Duration.ofSeconds(60), 3);
        small.failure("address:10.0.0.1");                       // one failure, long ago
        small.failure("name:bob");
        small.failure("name:bob");                               // locked, but its lock will have run out
        clock.advance(Duration.ofMinutes(30));
        small.failure("name:carol");                             // recent
        clock.advance(Duration.ofMinutes(31));

        small.failure("address:10.0.0.2");                       // the fourth key: over the limit

        assertThat(small.keys()).isEqualTo(2);
        small.failure("name:carol");
        assertThat(small.lockedFor("name:carol")).as("carol's earlier failure still counts").isPresent();
        small.failure("name:bob");
        assertThat(small.lockedFor("name:bob")).as("bob was forgotten: counting starts again").isEmpty();
    }

    @Test
    void aLongerFirstLockThanAnHourIsKept() {
        LoginThrottle strict = new LoginThrottle(clock, 1, Duration.ofHours(2));

        strict.failure("name:bob");
        strict.failure("name:bob");

        assertThat(strict.lockedFor("name:bob")).contains(Duration.ofHours(2));
    }

    @Test
    void aRightGuessGivesItsCountBackAndAWrongOneKeepsIt() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.guess(() -> false, "name:bob", "address:10.0.0.1").outcome()).isEqualTo(GuessLimiter.Outcome.WRONG);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.guess(() -> true, "name:carol", "address:10.0.0.1").outcome()).isEqualTo(GuessLimiter.Outcome.RIGHT);
        }

        assertThat(throttle.guess(() -> false, "name:dave", "address:10.0.0.1").outcome()).as("the 5th failure").isEqualTo(GuessLimiter.Outcome.WRONG);
        GuessLimiter.Verdict locked = throttle.guess(() -> true, "name:carol", "address:10.0.0.1");
        assertThat(locked).isEqualTo(new GuessLimiter.Verdict(GuessLimiter.Outcome.LOCKED, Duration.ofSeconds(60)));
        assertThat(throttle.lockedFor("name:carol")).as("the refused name took nothing").isEmpty();
    }

    @Test
    void aCheckThatThrowsCountsAsAFailure() {
        throttle.failure("name:bob");
        throttle.failure("name:bob");
        throttle.failure("name:bob");
        throttle.failure("name:bob");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> throttle.guess(() -> {
            throw new IllegalStateException("hasher broke");
        }, "name:bob")).isInstanceOf(IllegalStateException.class);

        assertThat(throttle.lockedFor("name:bob")).isPresent();
    }

    @Test
    void aSuccessDuringAGuessBeingCheckedLeavesThatGuessCounted() {
        GuessLimiter.Verdict verdict = throttle.guess(() -> {
            throttle.success("name:bob"); // the owner logs in while an attacker's guess is being checked
            return false;
        }, "name:bob");

        assertThat(verdict.outcome()).isEqualTo(GuessLimiter.Outcome.WRONG);
        assertThat(throttle.keys()).isEqualTo(1);
    }

    @Test
    void aKeyQuietForAnHourAfterItsLockIsForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failure("address:10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(60).plus(LoginThrottle.MAX_LOCKOUT).minusSeconds(1));
        throttle.failure("address:10.0.0.1");
        assertThat(throttle.lockedFor("address:10.0.0.1")).as("not yet: the doubling goes on").contains(Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(120).plus(LoginThrottle.MAX_LOCKOUT));
        throttle.failure("address:10.0.0.1");
        assertThat(throttle.lockedFor("address:10.0.0.1")).as("forgotten: counting starts again").isEmpty();
    }

    @Test
    void aLargeTableIsSweptWithoutAScanAtEveryFailure() {
        LoginThrottle big = new LoginThrottle(clock, 5, Duration.ofSeconds(60), 1000);
        int failures = 20_000;
        for (int i = 0; i < failures; i++) {
            big.failure("address:" + i); // an attack from very many addresses: every key is recent, none can go
        }

        assertThat(big.keys()).isEqualTo(failures);
        assertThat(big.scanned()).as("records tested by sweeps: about two per new key, not the table per failure")
                .isLessThanOrEqualTo(4L * failures);
    }
}
