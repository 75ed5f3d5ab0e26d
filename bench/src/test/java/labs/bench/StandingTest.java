package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The quiet-machine guard, fed made-up load averages: a busy machine's run is not called standard unless forced. */
class StandingTest {
    private static final LoadAverage QUIET = new LoadAverage(0.8, 0.9, 1.2);
    private static final LoadAverage BUSY = new LoadAverage(1.3, 0.9, 0.7);

    @Test
    void readsTheLoadAverageAsProcGivesIt() {
        LoadAverage load = LoadAverage.parse("1.52 0.58 0.29 3/467 12345\n");

        assertThat(load.one()).isEqualTo(1.52);
        assertThat(load).hasToString("1.52, 0.58, 0.29");
        assertThat(LoadAverage.UNKNOWN).hasToString("unknown");
    }

    @Test
    void aStandardRunOnAQuietMachineIsStandard() {
        Standing s = new Standing(Plan.Kind.STANDARD, false, QUIET, 2);

        assertThat(s.standard()).isTrue();
        assertThat(s.refused()).isFalse();
        assertThat(s.forced()).isFalse();
    }

    @Test
    void aLoadAboveHalfTheCoresRefusesTheName() {
        Standing s = new Standing(Plan.Kind.STANDARD, false, BUSY, 2);

        assertThat(s.standard()).isFalse();
        assertThat(s.refused()).isTrue();
        assertThat(new Standing(Plan.Kind.STANDARD, false, new LoadAverage(1.0, 0, 0), 2).standard()).isTrue(); // exactly half
        assertThat(new Standing(Plan.Kind.STANDARD, false, LoadAverage.UNKNOWN, 2).refused()).isTrue();
    }

    @Test
    void forceCallsABusyRunStandardAndSaysSo() {
        Standing s = new Standing(Plan.Kind.STANDARD, true, BUSY, 2);

        assertThat(s.standard()).isTrue();
        assertThat(s.forced()).isTrue();
        assertThat(s.refused()).isFalse();
    }

    @Test
    void onlyTheStandardPlanIsEverStandard() {
        assertThat(new Standing(Plan.Kind.QUICK, true, QUIET, 2).standard()).isFalse();
        assertThat(new Standing(Plan.Kind.ONE_LOAD, false, QUIET, 2).standard()).isFalse();
        assertThat(new Standing(Plan.Kind.QUICK, false, BUSY, 2).refused()).isFalse();
    }

    @Test
    void theRunnerTakesTheLoadBeforeTheRunFromItsSource() throws InterruptedException {
        Plan nothing = new Plan(List.of(), List.of(), Plan.standard(null, false).echo(), List.of(), List.of(), List.of(), List.of(),
                Path.of("unused"), "img", Plan.Kind.STANDARD, false);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LoadAverage busy = new LoadAverage(2 * Runtime.getRuntime().availableProcessors(), 1, 1);

        Results r = new Runner(new PrintStream(console, true, StandardCharsets.UTF_8), () -> busy, Duration.ZERO).run(nothing);

        assertThat(r.standing().before()).isEqualTo(busy);
        assertThat(r.standing().refused()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("not a standard run", "--force");
    }

    @Test
    void thePageSaysInBothLanguagesWhetherTheRunIsStandard() {
        assertThat(page(Plan.Kind.STANDARD, false, BUSY, false)).contains("**Not a standard run: the machine was busy.** "
                + "The 1-minute load average was 1.30 before it began, above half the 2 cores (1.00)", "add `--force`");
        assertThat(page(Plan.Kind.STANDARD, false, BUSY, true)).contains("**Это не стандартный замер: машина была занята.** "
                + "Средняя нагрузка за минуту перед ним была 1.30 — больше половины ядер (2 / 2 = 1.00)");
        assertThat(page(Plan.Kind.STANDARD, true, BUSY, false)).contains("**Called a standard run with `--force`, on a busy machine.**")
                .doesNotContain("Not a standard run");
        assertThat(page(Plan.Kind.STANDARD, true, BUSY, true)).contains("**Назван стандартным по `--force`, хотя машина была занята.**");
        assertThat(page(Plan.Kind.STANDARD, false, QUIET, false)).contains("**A standard run.** The 1-minute load average was 0.80")
                .doesNotContain("Not a standard run", "--force`, on a busy");
        assertThat(page(Plan.Kind.STANDARD, false, QUIET, true)).contains("**Стандартный замер.**");
        assertThat(page(Plan.Kind.QUICK, false, QUIET, false)).contains("**A quick run, not a standard one:**")
                .doesNotContain("**A standard run.**");
        assertThat(page(Plan.Kind.QUICK, false, QUIET, true)).contains("**Быстрый замер, не стандартный:**");
    }

    private static String page(Plan.Kind kind, boolean force, LoadAverage before, boolean ru) {
        Results r = ReportTest.results(List.of(), List.of(), before, kind, force);
        return ReportPage.page(r, Target.check(r), Plan.standard(null, false).echo(), "img", ru);
    }
}
