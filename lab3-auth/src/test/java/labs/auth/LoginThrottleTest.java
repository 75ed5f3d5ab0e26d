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
}
