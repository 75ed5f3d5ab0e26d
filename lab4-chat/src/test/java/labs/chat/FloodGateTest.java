package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The flood limit with a hand-moved clock: no sleeping, the same result every run. */
class FloodGateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aBurstPassesThenLinesAreDroppedUntilTimeRefillsTheBucket() {
        FloodGate gate = new FloodGate(3, 2, now::get);
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isFalse();
        assertThat(gate.droppedInARow()).isEqualTo(1);
        advanceMillis(499);
        assertThat(gate.tryAcquire()).isFalse();
        advanceMillis(1); // 2 lines a second: one token every 500 ms
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.droppedInARow()).isZero();
        assertThat(gate.tryAcquire()).isFalse();
    }

    @Test
    void aPersonTypingNeverHitsTheLimit() {
        FloodGate gate = new FloodGate(3, 2, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.tryAcquire()).isTrue();
            advanceMillis(500);
        }
    }

    @Test
    void aQuietSpellRefillsOnlyUpToTheBurst() {
        FloodGate gate = new FloodGate(3, 2, now::get);
        advanceMillis(3_600_000);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.tryAcquire()).isTrue();
        }
        assertThat(gate.tryAcquire()).isFalse();
    }

    @Test
    void aWholeBurstOfDroppedLinesMakesTheFloodPersistent() {
        FloodGate gate = new FloodGate(2, 1, now::get);
        gate.tryAcquire();
        gate.tryAcquire();
        assertThat(gate.tryAcquire()).isFalse();
        assertThat(gate.persistent()).isFalse();
        assertThat(gate.tryAcquire()).isFalse();
        assertThat(gate.persistent()).isTrue();
    }

    @Test
    void zeroPerSecondMeansNoLimit() {
        FloodGate gate = new FloodGate(1, 0, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(gate.tryAcquire()).isTrue();
        }
    }
}
