package labs.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every schedule of every level: the broken ones can go wrong, the fixed twins never can. */
class SchedulesTest {
    @ParameterizedTest(name = "level {0}: some schedule reaches the bad outcome")
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void theBrokenLevelHasABadSchedule(String id) {
        Level level = Levels.find(id);
        Schedules all = Schedules.of(level);
        assertThat(all.bad()).isPositive().isLessThan(all.total());
        World world = level.begin();
        for (int thread : all.first()) {
            assertThat(world.whyNot(thread - 1)).isNull();
            world.step(thread - 1);
        }
        assertThat(level.badOutcome().apply(world)).isNotNull();
    }

    @ParameterizedTest(name = "level {0}f: no schedule reaches the bad outcome")
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void theFixedTwinHasNone(String id) {
        Level twin = Levels.find(id + "f");
        Schedules all = Schedules.of(twin);
        assertThat(all.total()).isPositive();
        assertThat(all.bad()).isZero();
        assertThat(all.first()).isEmpty();
        assertThat(twin.goal()).isEqualTo(Levels.find(id).goal());
    }
}
