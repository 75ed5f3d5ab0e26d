package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading /proc text: memory and threads from status, CPU ticks from stat. */
class ProcStatsTest {

    @Test
    void readsResidentMemoryAndThreadsFromStatus() {
        String status = "Name:\tjava\nState:\tS (sleeping)\nVmPeak:\t 9000 kB\nVmRSS:\t   45316 kB\nRssAnon:\t 30000 kB\nThreads:\t1022\n";

        assertThat(ProcStats.parseStatus(status)).isEqualTo(new ProcStats.Status(45_316, 1022));
    }

    @Test
    void statusWithoutTheLinesIsAnError() {
        assertThatThrownBy(() -> ProcStats.parseStatus("Name:\tzombie\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsUserAndSystemTicksAsNanoseconds() {
        // utime (field 14) = 250 ticks, stime (15) = 50, ended children 40 + 10: 3.5 s at 100 ticks a second.
        String stat = "5317 (cat) R 5274 5274 2769 0 -1 4194304 96 0 0 0 250 50 40 10 20 0 1 0 66493 3133440 363 0";

        assertThat(ProcStats.parseCpuNanos(stat)).isEqualTo(3_500_000_000L);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "42 (my (odd) name) S 1 42 42 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 100 0 0 0";

        assertThat(ProcStats.parseCpuNanos(stat)).isEqualTo(100_000_000L);
    }

    @Test
    void addsVoluntaryAndInvoluntaryContextSwitches() {
        String status = "Name:\tjava\nvoluntary_ctxt_switches:\t120\nnonvoluntary_ctxt_switches:\t7\n";

        assertThat(ProcStats.parseContextSwitches(status)).isEqualTo(127);
    }

    @Test
    void readsThisVeryProcessWhereProcExists() throws Exception {
        if (ProcStats.available()) {
            long pid = ProcessHandle.current().pid();
            assertThat(ProcStats.status(pid).rssKb()).isPositive();
            assertThat(ProcStats.status(pid).threads()).isPositive();
            assertThat(ProcStats.cpuNanos(pid)).isNotNegative();
            assertThat(ProcStats.contextSwitches(pid)).isPositive();
        }
    }
}
