package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The check-then-act race, forced: a barrier in the pause between check and act holds each
 * racer there until both have checked. The unsafe registry then lets both in, on every run; the
 * safe one, given the very same pause, lets exactly one in.
 */
class RegistryRaceTest {

    private static List<Boolean> race(NameRegistry registry, int racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String owner = "racer-" + i;
                results.add(pool.submit(() -> registry.register("shared", owner)));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> result : results) {
                outcomes.add(result.get(10, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static NameRegistry.Pause untilBothChecked() {
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        return () -> {
            try {
                bothChecked.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other racer never came", e);
            }
        };
    }

    @Test
    void theUnsafeRegistryLetsBothRacersRegisterOneName() throws Exception {
        UnsafeRegistry registry = new UnsafeRegistry(untilBothChecked());

        List<Boolean> outcomes = race(registry, 2);

        assertThat(outcomes).containsExactly(true, true);              // both were told "the name is yours"
        assertThat(registry.owners()).hasSize(1);                      // but only one of them has it
    }

    @Test
    void theSafeRegistryLetsExactlyOneInUnderTheSamePause() throws Exception {
        SafeRegistry registry = new SafeRegistry(untilBothChecked());

        List<Boolean> outcomes = race(registry, 2);

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        String winner = outcomes.get(0) ? "racer-0" : "racer-1";
        assertThat(registry.owners()).containsExactly(java.util.Map.entry("shared", winner));
    }

    @Test
    void theSafeRegistryHoldsUnderStress() throws Exception {
        for (int round = 0; round < 300; round++) {
            CyclicBarrier start = new CyclicBarrier(4);
            SafeRegistry registry = new SafeRegistry(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(race(registry, 4).stream().filter(won -> won)).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void withoutARaceBothRegistriesRefuseATakenNameInAnyCase() throws Exception {
        for (NameRegistry registry : List.of(new UnsafeRegistry(NameRegistry.Pause.NONE), new SafeRegistry(NameRegistry.Pause.NONE))) {
            assertThat(registry.register("Alice", "first")).isTrue();
            assertThat(registry.register("ALICE", "second")).isFalse();
            assertThat(registry.owners()).containsValue("first").hasSize(1);
        }
    }
}
