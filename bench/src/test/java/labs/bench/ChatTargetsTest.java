package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's chat targets from made-up runs: verdicts, shortfalls, and causes written from the measured columns. */
class ChatTargetsTest {

    /** A run of 100 users × 10 senders: p99, server CPU µs and switches per delivery, and losses as given. */
    static ChatResult run(Contender c, int rate, double p99Ms, double microsPerDelivery, double switchesPerDelivery,
                          long missing, long damaged, double serverCores, double generatorCores) {
        long expected = 297_000;
        long delivered = expected - missing;
        return new ChatResult(c.label(), 100, 10, 300, rate, expected, delivered, 0, damaged, rate == 0 ? 1.0 : 3.0,
                ReportTest.latency(p99Ms / 4, p99Ms), serverCores, generatorCores,
                (long) (microsPerDelivery * 1000 * delivered), (long) (switchesPerDelivery * delivered), 0);
    }

    static Results results() {
        List<ChatResult> chat = List.of(
                run(Contender.LAB4_PLATFORM, 30, 8, 12, 1.1, 0, 0, 0.4, 0.3),
                run(Contender.LAB4_PLATFORM, 100, 40, 12, 1.1, 0, 0, 1.3, 0.6),         // p99 4× ncat's: missed
                run(Contender.LAB4_PLATFORM, 0, 900, 10, 0.6, 0, 0, 1.2, 0.7),          // 297,000/s: met
                run(Contender.LAB4_VIRTUAL, 30, 4, 7, 0.2, 0, 0, 0.3, 0.3),
                run(Contender.LAB4_VIRTUAL, 100, 9, 7, 0.2, 0, 0, 0.8, 0.5),            // p99 0.9× ncat's: met
                run(Contender.LAB4_VIRTUAL, 0, 700, 6, 0.1, 1200, 0, 1.3, 0.6),         // lost 1,200
                run(Contender.NCAT_CHAT, 30, 3, 4, 0.05, 0, 0, 0.2, 0.3),
                run(Contender.NCAT_CHAT, 100, 10, 4, 0.05, 2970, 2970, 0.5, 0.6));      // CPU: lab 4 virtual 1.75×: missed
        return ReportTest.results(List.of(), chat, new LoadAverage(0.2, 0.2, 0.2), Plan.Kind.STANDARD, false);
    }

    @Test
    void p99AgainstNcatAtTheIssuesLoad() {
        List<Target> targets = ChatTargets.check(results());

        Target virtual = find(targets, "lab 4 (virtual) chat p99");
        assertThat(virtual.met()).isTrue();
        assertThat(virtual.measured()).isEqualTo("0.90× (9.00 ms vs 10.00 ms)");
        Target platform = find(targets, "lab 4 (platform) chat p99");
        assertThat(platform.met()).isFalse();
        assertThat(platform.by()).isEqualTo("1.00× over"); // 4× where 3× is allowed
    }

    @Test
    void cpuPerDeliveryAgainstNcatWithVirtualThreads() {
        Target cpu = find(ChatTargets.check(results()), "server CPU per delivery");

        assertThat(cpu.met()).isFalse();
        assertThat(cpu.measured()).isEqualTo("1.75× (7.0 µs vs 4.0 µs)");
        assertThat(cpu.by()).isEqualTo("0.25× over");
    }

    @Test
    void anyLossInAnyRunMissesTheLossTarget() {
        List<Target> targets = ChatTargets.check(results());

        assertThat(find(targets, "lab 4 (platform): 0 missing").met()).isTrue();
        Target virtual = find(targets, "lab 4 (virtual): 0 missing");
        assertThat(virtual.met()).isFalse();
        assertThat(virtual.measured()).isEqualTo("runs: 3; 1200 missing, 0 duplicated, 0 damaged");
    }

    @Test
    void deliveriesASecondAtTheHighestRateAgainstOneAndAHalfTimes144k() {
        List<Target> targets = ChatTargets.check(results());

        assertThat(find(targets, "lab 4 (platform) deliveries/s").met()).isTrue();   // 297,000 ≥ 216,000
        Target virtual = find(targets, "lab 4 (virtual) deliveries/s");
        assertThat(virtual.met()).isTrue();                                            // 295,800
        assertThat(virtual.goal()[1]).contains("≥ 1,5× 144 000 = 216 000");
    }

    @Test
    void withoutNcatTheComparisonsAreNotMeasured() {
        Results r = results();
        Results noNcat = ReportTest.results(List.of(), r.chat().stream().filter(c -> !c.server().equals(Contender.NCAT_CHAT.label())).toList(),
                new LoadAverage(0.2, 0.2, 0.2), Plan.Kind.STANDARD, false);
        List<Target> targets = ChatTargets.check(noNcat);

        assertThat(find(targets, "lab 4 (virtual) chat p99").met()).isNull();
        assertThat(find(targets, "server CPU per delivery").met()).isNull();
        assertThat(find(targets, "lab 4 (platform): 0 missing").met()).isTrue();
    }

    @Test
    void theCausesAreWrittenFromTheMeasuredColumns() {
        Results r = results();
        String en = Causes.whyMissed(Target.check(r), false);
        String ru = Causes.whyMissed(Target.check(r), true);

        assertThat(en).contains("p99 was 40.00 ms for lab 4, platform threads and 10.00 ms for ncat --chat",
                "Per delivery the server spent 12.0 µs of CPU and 1.10 context switches",
                "most deliveries wake a sleeping thread", "kept 1.90 of the 2 cores busy",
                "ncat's p99 counts only the lines that arrived intact: it damaged 1.0 %",
                "the server (lab 4, virtual threads) spent 7.0 µs of CPU per delivery and ncat --chat 4.0 µs (1.75×)",
                "lost messages in 1 of its 3 runs", "at the highest rate, had 1,200 missing")
                .doesNotContain("{{", "}}");
        assertThat(en).doesNotContain("Fewer switches than deliveries"); // platform had 1.1 per delivery
        assertThat(ru).contains("p99 у сервера «lab 4, platform threads» — 40.00 мс, у ncat --chat — 10.00 мс",
                "замеров с потерями: 1 из 3", "предельная скорость").doesNotContain("{{", "}}");
    }

    @Test
    void theChatChartAndBothPagesAreWritten(@TempDir Path dir) throws Exception {
        Plan plan = new Plan(List.of(), List.of(), Plan.standard(dir, false).echo(), List.of(), List.of(), List.of(), List.of(), dir, "img",
                Plan.Kind.STANDARD, false);

        List<Path> written = ReportPage.write(results(), plan);

        assertThat(written).contains(dir.resolve("img/chat-p99.png"));
        assertThat(ImageIO.read(dir.resolve("img/chat-p99.png").toFile()).getWidth()).isPositive();
        for (String page : List.of("benchmarks.md", "benchmarks.ru.md")) {
            String text = Files.readString(dir.resolve(page));
            assertThat(text).contains("(img/chat-p99.png)", "| lab 4, virtual threads | 100 | 10 × 300 |").doesNotContain("{{", "}}");
        }
    }

    private static Target find(List<Target> targets, String goalPart) {
        return targets.stream().filter(t -> t.goal()[0].contains(goalPart)).findFirst().orElseThrow();
    }
}
