package labs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code benchmarks.md} and {@code benchmarks.ru.md} with the charts beside them: the
 * machine, the tables, the targets with their verdicts, and the prose of {@link Prose}.
 * Stateless.
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
        StringBuilder md = new StringBuilder();
        Prose p = new Prose(ru);
        md.append(p.title()).append("\n\n");
        md.append(p.generated(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(r.started().atOffset(ZoneOffset.UTC)),
                r.took().toSeconds())).append("\n\n");
        md.append(p.sharedMachine(r.machine().cores(), r.loadBefore(), r.loadAfter())).append("\n\n");
        md.append(machine(r.machine(), ru)).append("\n");
        md.append(p.howToRun()).append("\n");
        md.append(p.howItMeasures(echo)).append("\n");
        if (!r.echo().isEmpty()) {
            md.append(p.echoHeading()).append("\n\n");
            md.append("![").append(p.latencyAlt()).append("](").append(img).append('/').append(Charts.LATENCY).append(")\n\n");
            md.append(Tables.echo(r.echo(), ru)).append("\n").append(p.roundSpread(r.roundSpread())).append("\n")
                    .append(p.echoReading()).append("\n");
        }
        if (!r.hold().isEmpty()) {
            md.append(p.holdHeading()).append("\n\n");
            md.append("![").append(p.memoryAlt()).append("](").append(img).append('/').append(Charts.MEMORY).append(")\n\n");
            md.append(Tables.hold(r.hold(), ru)).append("\n").append(p.holdReading()).append("\n")
                    .append(p.platformMemory()).append("\n");
        }
        if (!r.chat().isEmpty()) {
            md.append(p.chatHeading()).append("\n\n").append(Tables.chat(r.chat(), ru)).append("\n").append(p.chatReading()).append("\n");
        }
        md.append(p.targetsHeading()).append("\n\n").append(Tables.targets(targets, ru)).append("\n");
        md.append(p.whyMissed(targets)).append("\n");
        md.append(p.virtualThreads()).append("\n");
        if (!r.notes().isEmpty()) {
            md.append(p.notesHeading()).append("\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
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
