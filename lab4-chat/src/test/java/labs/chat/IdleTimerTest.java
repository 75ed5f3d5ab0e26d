package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import labs.chat.IdleTimer.Action;

/** The idle limit on times the test chooses: no clock, no sleep. */
class IdleTimerTest {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void warnsAfterTheTimeoutAndDisconnectsAfterTheWarning() {
        IdleTimer timer = new IdleTimer(Duration.ofMinutes(30), Duration.ofMinutes(1));
        long heard = 1000;
        assertThat(timer.nanosUntilDue(heard, heard)).isEqualTo(30 * MINUTE);
        assertThat(timer.check(heard + 29 * MINUTE, heard)).isEqualTo(Action.NONE);
        assertThat(timer.check(heard + 30 * MINUTE, heard)).isEqualTo(Action.WARN);
        assertThat(timer.notice()).isEqualTo("* idle for 30 min: you will be disconnected in 1 min unless you send a line");
        assertThat(timer.nanosUntilDue(heard + 30 * MINUTE, heard)).isEqualTo(MINUTE);
        assertThat(timer.check(heard + 30 * MINUTE + 1, heard)).isEqualTo(Action.NONE);
        assertThat(timer.check(heard + 31 * MINUTE, heard)).isEqualTo(Action.DISCONNECT);
        assertThat(timer.reason()).isEqualTo("idle for 31 min (no line received)");
    }

    @Test
    void aLineHeardAfterTheWarningStartsTheCountAgain() {
        IdleTimer timer = new IdleTimer(Duration.ofMinutes(30), Duration.ofMinutes(1));
        assertThat(timer.check(30 * MINUTE, 0)).isEqualTo(Action.WARN);
        long heard = 30 * MINUTE + 5;
        assertThat(timer.check(31 * MINUTE, heard)).isEqualTo(Action.NONE);
        assertThat(timer.check(heard + 30 * MINUTE, heard)).isEqualTo(Action.WARN);
    }

    @Test
    void zeroMeansNoLimit() {
        IdleTimer timer = new IdleTimer(Duration.ZERO, Duration.ZERO);
        assertThat(timer.nanosUntilDue(Long.MAX_VALUE / 2, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(timer.check(Long.MAX_VALUE / 2, 0)).isEqualTo(Action.NONE);
    }

    @Test
    void durationsAndSizesReadAsAPersonWritesThem() {
        assertThat(ChatSettings.describe(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(ChatSettings.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(ChatSettings.describeBytes(1024 * 1024)).isEqualTo("1 MiB");
        assertThat(ChatSettings.describeBytes(64 * 1024)).isEqualTo("64 KiB");
        assertThat(ChatSettings.describeBytes(1000)).isEqualTo("1000 bytes");
        assertThat(ChatSettings.warningFor(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ChatSettings.warningFor(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
    }
}
