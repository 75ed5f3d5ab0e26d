package labs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code benchmarks.md} and {@code benchmarks.ru.md} with the charts beside them: the
 * templates {@code report/benchmarks.*.md} filled with the machine, the run's standing, the
 * tables, the targets with their verdicts and the causes of the missed ones. Stateless.
 */
final class ReportPage {
    private ReportPage() {
    }

    static List<Path> write(Results results, Plan plan) throws IOException {
        Path dir = plan.reportDir();
        List<Path> written = new ArrayList<>(Charts.write(results, dir.resolve(plan.imageDir())));
        List<Target> targets = Target.check(results);
        for (boolean ru : new boolean[] {false, true}) {
            Path file = dir.resolve(ru ? "benchmarks.ru.md" : "benchmarks.md");
            Files.createDirectories(dir);
            Files.writeString(file, page(results, targets, plan.echo(), plan.imageDir(), ru), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    static String page(Results r, List<Target> targets, EchoLoad.Settings echo, String img, boolean ru) {
        Map<String, Object> v = new HashMap<>();
        v.put("when", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(r.started().atOffset(ZoneOffset.UTC)));
        v.put("seconds", r.took().toSeconds());
        Standing standing = r.standing();
        v.put("standard", standing.standard() && !standing.forced());
        v.put("forced", standing.forced());
        v.put("refused", standing.refused());
        v.put("quick", standing.kind() == Plan.Kind.QUICK);
        v.put("one-load", standing.kind() == Plan.Kind.ONE_LOAD);
        v.put("load-one", standing.oneMinuteText());
        v.put("load-limit", standing.limitText());
        v.put("cores", r.machine().cores());
        v.put("load-before", standing.before());
        v.put("load-after", r.loadAfter());
        v.put("machine", machine(r.machine(), ru));
        v.put("settle", Runner.SETTLE.toSeconds());
        v.put("payload", echo.payloadBytes());
        v.put("warmup", seconds(echo.warmup(), ru));
        v.put("measure", seconds(echo.measure(), ru));
        v.put("timeout", seconds(echo.timeout(), ru));
        v.put("one-round", echo.rounds() <= 1);
        v.put("several-rounds", echo.rounds() > 1);
        v.put("rounds", echo.rounds());
        v.put("img", img);
        v.put("echo", !r.echo().isEmpty());
        v.put("latency-chart", Charts.LATENCY);
        v.put("echo-table", Tables.echo(r.echo(), ru));
        double[] spread = r.roundSpread();
        v.put("spread", spread != null);
        if (spread != null) {
            v.put("spread-median", percent(spread[0]));
            v.put("spread-largest", percent(spread[1]));
        }
        v.put("hold", !r.hold().isEmpty());
        v.put("memory-chart", Charts.MEMORY);
        v.put("hold-table", Tables.hold(r.hold(), ru));
        v.put("platform-memory", Causes.platformMemory(ru));
        v.put("chat", !r.chat().isEmpty());
        v.put("chat-chart", Charts.hasChatChart(r));
        v.put("chat-chart-file", Charts.CHAT_P99);
        v.put("chat-table", Tables.chat(r.chat(), ru));
        v.put("jdk", r.machine().jdk());
        v.put("targets-table", Tables.targets(targets, ru));
        String whyMissed = Causes.whyMissed(targets, ru);
        v.put("all-met", whyMissed.isEmpty());
        v.put("why-missed", whyMissed);
        v.put("notes", !r.notes().isEmpty());
        StringBuilder notes = new StringBuilder();
        r.notes().forEach(n -> notes.append("- ").append(n).append('\n'));
        v.put("notes-list", notes.toString().strip());
        return Template.load("benchmarks", ru).fill(v);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    private static String seconds(Duration d, boolean ru) {
        double s = d.toMillis() / 1000.0;
        String text = s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
        return ru ? text.replace('.', ',') : text;
    }

    static String machine(Machine m, boolean ru) {
        String[][] rows = {
                {ru ? "Процессор" : "Processor", m.cpu()},
                {ru ? "Ядер" : "Cores", Integer.toString(m.cores())},
                {ru ? "Память" : "Memory", String.format(Locale.ROOT, ru ? "%,d МиБ" : "%,d MiB", m.memoryMb())},
                {"JDK", m.jdk()},
                {ru ? "ОС" : "OS", m.os()},
                {ru ? "Предел открытых файлов (ulimit -n)" : "Open files limit (ulimit -n)", m.openFiles()}};
        StringBuilder md = new StringBuilder(ru ? "| Машина | |\n|---|---|\n" : "| Machine | |\n|---|---|\n");
        for (String[] row : rows) {
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        }
        return md.toString();
    }
}
