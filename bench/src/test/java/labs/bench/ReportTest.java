package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from made-up results: number formats, tables, verdicts, pages and charts. */
class ReportTest {

    static LatencySummary latency(double p50Ms, double p99Ms) {
        return new LatencySummary(1000, p50Ms * 1000, p99Ms * 1000, p99Ms * 2000, p99Ms * 3000);
    }

    static EchoResult echo(Contender c, int clients, double perSecond, double p99Ms) {
        return new EchoResult(c.label(), clients, clients, (long) (perSecond * 4), 4, latency(p99Ms / 4, p99Ms), 0, 0, 0.9, 0.5,
                (long) (perSecond * 4));
    }

    static HoldResult hold(Contender c, long kbPerConnection) {
        HoldResult.Point base = new HoldResult.Point(0, 0, 0, 50_000, 20);
        return new HoldResult(c.label(), base, List.of(
                new HoldResult.Point(5000, 5000, 0, 50_000 + 5000 * kbPerConnection, 5020),
                new HoldResult.Point(10_000, 10_000, 0, 50_000 + 10_000 * kbPerConnection, 10_020)));
    }

    static Results results() {
        List<EchoResult> echo = List.of(
                echo(Contender.LAB1, 10, 30_000, 2000),
                echo(Contender.LAB2_PLATFORM, 10, 50_000, 0.5), echo(Contender.NETTY, 10, 40_000, 0.4),
                echo(Contender.LAB2_PLATFORM, 100, 30_000, 9), echo(Contender.NETTY, 100, 40_000, 5),
                echo(Contender.LAB2_PLATFORM, 1000, 20_000, 100), echo(Contender.NETTY, 1000, 20_000, 100));
        List<ChatResult> chat = List.of(new ChatResult(Contender.LAB4_PLATFORM.label(), 100, 10, 300, 100,
                297_000, 297_000, 0, 0, 3.1, latency(1, 5), 0.8, 0.6, 2_970_000_000L, 297_000, 0));
        return results(echo, chat, new LoadAverage(0.5, 0.4, 0.3), Plan.Kind.STANDARD, false);
    }

    static Results results(List<EchoResult> echo, List<ChatResult> chat, LoadAverage before, Plan.Kind kind, boolean force) {
        return new Results(new Machine("Test CPU", 2, 4096, "JDK 21", "Linux", "20000"), Instant.parse("2026-11-27T16:05:00Z"),
                Duration.ofSeconds(300), new Standing(kind, force, before, 2), new LoadAverage(1.9, 1.0, 0.5), echo, rounds(echo),
                List.of(hold(Contender.LAB2_PLATFORM, 70), hold(Contender.LAB2_VIRTUAL, 12), hold(Contender.NETTY, 6)),
                chat, List.of("ncat skipped: not installed"));
    }

    /** Every run of {@code best}, and a second round of each at 80 % (90 % for Netty) of its round trips. */
    static List<EchoResult> rounds(List<EchoResult> best) {
        List<EchoResult> all = new java.util.ArrayList<>(best);
        for (EchoResult r : best) {
            double worse = r.server().equals(Contender.NETTY.label()) ? 0.9 : 0.8;
            all.add(new EchoResult(r.server(), r.clients(), r.answered(), (long) (r.roundTrips() * worse), r.seconds(),
                    r.latency(), r.timeouts(), r.damaged(), r.serverCpu(), r.generatorCpu(), r.switches()));
        }
        return all;
    }

    @Test
    void theSpreadOfRoundsSaysWhatIsNoise() {
        double[] spread = results().roundSpread();

        assertThat(spread[0]).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9)); // median of 20, 10, 20, 10, 20, 10, 20 %
        assertThat(spread[1]).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void millisecondsGetSensiblePrecision() {
        assertThat(Report.ms(31)).isEqualTo("0.031");
        assertThat(Report.ms(1250)).isEqualTo("1.25");
        assertThat(Report.ms(2_000_000)).isEqualTo("2000");
        assertThat(Report.ms(Double.NaN)).isEqualTo("–");
    }

    @Test
    void ratiosAgainstNettyGiveVerdictsAndShortfalls() {
        List<Target> targets = Target.check(results());

        assertThat(verdict(targets, "round trips/s at 10 clients")).isTrue();   // 1.25× ≥ 1.0×
        assertThat(verdict(targets, "round trips/s at 100 clients")).isFalse(); // 0.75× < 0.9×
        assertThat(find(targets, "round trips/s at 100 clients").by()).isEqualTo("0.15× short");
        assertThat(verdict(targets, "p99 at 100 clients")).isFalse();           // 1.8× > 1.5×
        assertThat(verdict(targets, "5,000 ≤ 64 KiB")).isFalse();
        assertThat(find(targets, "5,000 ≤ 64 KiB").measured()).isEqualTo("70.0 KiB");
        assertThat(verdict(targets, "5,000 ≤ 16 KiB")).isTrue();
        assertThat(verdict(targets, "lab 4 (platform): 0 missing")).isTrue();
        assertThat(verdict(targets, "lab 4 (platform) deliveries/s")).isNull();    // that run is missing
    }

    @Test
    void tablesShowEveryRow() {
        Results r = results();

        assertThat(Tables.echo(r.echo(), false)).contains("| lab 1 (one thread) | 10 | 30,000 | 500 | 2000 | 4000 | 10 / 10 |",
                "| 0.90 | 0.50 | 30.0 | 1.00 |"); // 0.9 cores for 30,000 round trips/s: 30 µs each; one switch each
        assertThat(Tables.hold(r.hold(), false)).contains("| lab 2, platform threads | 5,000 | 5,000 | 0 | 390.6 | 5,020 | 70.0 | 70.0 |");
        assertThat(Tables.chat(r.chat(), true)).contains("| 10 × 300 | 100/с | 297,000 / 297,000 | 0 |",
                "| 0.80 | 0.60 | 10.0 | 1.00 |"); // 2.97 s of CPU for 297,000 deliveries: 10 µs each; one switch each
    }

    @Test
    void bothPagesHaveTheMachineTheTablesTheTargetsAndTheNotes(@TempDir Path dir) throws Exception {
        Plan plan = new Plan(List.of(), List.of(), Plan.standard(dir, false).echo(), List.of(), List.of(), List.of(), List.of(), dir, "img",
                Plan.Kind.STANDARD, false);

        List<Path> written = ReportPage.write(results(), plan);

        assertThat(written).contains(dir.resolve("benchmarks.md"), dir.resolve("benchmarks.ru.md"),
                dir.resolve("img/echo-latency.png"), dir.resolve("img/memory-per-connection.png"));
        String en = Files.readString(dir.resolve("benchmarks.md"));
        String ru = Files.readString(dir.resolve("benchmarks.ru.md"));
        assertThat(en).contains("shared 2-core machine", "0.50, 0.40, 0.30", "Test CPU", "(img/echo-latency.png)",
                "**missed**: 0.15× short", "ncat skipped", "What virtual threads change", "Where a platform thread's memory goes.** The stack size is not the cause",
                "StackShadowPages", "the run's own threads count too",
                "64-byte request", "2 s of warm-up, then 3 s measured", "measured 2 times at each load",
                "differed by 20 % in round trips/s at the median and by");
        assertThat(ru).contains("общей машине с 2 ядрами", "**не выполнена**: 0.15× не хватает", "70.0 КиБ",
                "Что меняют виртуальные потоки").doesNotContain("not measured");
        assertThat(ImageIO.read(dir.resolve("img/echo-latency.png").toFile()).getWidth()).isPositive();
    }

    @Test
    void machineFieldsAreReadFromProcText() {
        assertThat(Machine.memoryMb("24684544 kB")).isEqualTo(24_106);
        assertThat(Machine.openFilesLimit("20000                20000                files")).isEqualTo("20000");
        assertThat(Machine.openFilesLimit("")).isEqualTo("unknown");
    }

    private static Target find(List<Target> targets, String goalPart) {
        return targets.stream().filter(t -> t.goal()[0].contains(goalPart)).findFirst().orElseThrow();
    }

    private static Boolean verdict(List<Target> targets, String goalPart) {
        return find(targets, goalPart).met();
    }
}
