package labs.threaded.races;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import labs.echo.BareProgram;
import org.junit.jupiter.api.Test;

/**
 * Each demo in quick mode, in a child JVM (a stuck spinner or deadlocked threads stay there,
 * not in the test JVM): it ends by itself and prints its verdict. A race that merely may appear
 * is not asserted: the lost-update count and the plain visibility loop may go either way.
 */
class RaceDemosTest {
    private static List<String> runQuick(String demo) throws Exception {
        try (BareProgram program = BareProgram.start(RaceDemos.class, demo, "--quick")) {
            List<String> lines = program.outputUntilExit();
            assertThat(program.awaitExit()).isZero();
            return lines;
        }
    }

    @Test
    void lostUpdateShowsTheFixedCountersExact() throws Exception {
        List<String> lines = runQuick("lost-update");
        assertThat(lines).filteredOn(line -> line.startsWith("unsafe ")).hasSize(5);
        assertThat(lines).contains("synchronized runs 1-5: 400,000 400,000 400,000 400,000 400,000");
        assertThat(lines.get(lines.size() - 1)).matches(
                "verdict: the unsafe counter lost updates in [0-5] of 5 runs; the fixed counters were exact every time");
    }

    @Test
    void visibilityEitherReproducesOrSaysSoAndTheVolatileLoopEnds() throws Exception {
        List<String> lines = runQuick("visibility");
        assertThat(lines).anyMatch(line -> line.startsWith("volatile loop: saw stop = true after "));
        assertThat(lines.get(lines.size() - 1)).matches(
                "verdict: (reproduced: .*|did not reproduce here: .*); the volatile loop ended at once");
    }

    @Test
    void deadlockIsFoundPrintedAndTheOrderedTwinFinishes() throws Exception {
        List<String> lines = runQuick("deadlock");
        assertThat(lines).contains("Found one Java-level deadlock:",
                "verdict: deadlock found by ThreadMXBean.findDeadlockedThreads: 2 threads",
                "twin: both threads take A before B, so whoever waits holds nothing; they finished");
        assertThat(lines).anyMatch(line -> line.contains("waiting to lock") && line.contains("lock B"))
                .anyMatch(line -> line.contains("- locked") && line.contains("lock A"))
                .anyMatch(line -> line.startsWith("  which is held by \"transfer B->A\""));
    }

    @Test
    void withoutADemoItPrintsUsageAndReturnsTwo() throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThat(RaceDemos.run(List.of(), out)).isEqualTo(2);
        assertThat(RaceDemos.run(List.of("nonsense"), out)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unknown demo: nonsense", "usage: RaceDemos");
    }
}
