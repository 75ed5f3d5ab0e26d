package labs.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Console lines of the report (the Markdown pages are {@link ReportPage}'s). Stateless. */
final class Report {
    private Report() {
    }

    static String echoLine(EchoResult r) {
        LatencySummary l = r.latency();
        return String.format(Locale.ROOT, "echo %-26s %5d clients: %9.0f rt/s  p50 %s  p99 %s  p99.9 %s  answered %d/%d"
                        + "  timeouts %d  damaged %d  cpu server %s generator %s  µs/rt %s  switches/rt %s",
                r.server(), r.clients(), r.roundTripsPerSecond(), ms(l.p50Us()), ms(l.p99Us()), ms(l.p999Us()),
                r.answered(), r.clients(), r.timeouts(), r.damaged(), Tables.cores(r.serverCpu()), Tables.cores(r.generatorCpu()),
                Tables.oneDecimal(r.serverMicrosPerRoundTrip()), Tables.cores(r.switchesPerRoundTrip()));
    }

    static List<String> holdLines(HoldResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "hold %-26s baseline: RSS %d KiB, %d threads", r.server(), r.baseline().rssKb(), r.baseline().threads()));
        for (HoldResult.Point p : r.points()) {
            lines.add(String.format(Locale.ROOT, "hold %-26s %6d asked, %6d held, %d failed: RSS %d KiB, %d threads, %.1f KiB per connection",
                    r.server(), p.asked(), p.held(), p.failures(), p.rssKb(), p.threads(), r.kbPerConnection(p)));
        }
        return lines;
    }

    static String chatLine(ChatResult r) {
        LatencySummary l = r.latency();
        return String.format(Locale.ROOT, "chat %-20s %d users, %d senders x %d at %s: %d/%d delivered, %d missing,"
                        + " %d duplicated, %d damaged, %.0f deliveries/s, p50 %s p99 %s, cpu server %s generator %s,"
                        + " µs/delivery %s, switches/delivery %s, users dropped as slow %d",
                r.server(), r.users(), r.senders(), r.messagesEach(), r.ratePerSender() == 0 ? "max" : r.ratePerSender() + "/s",
                r.delivered(), r.expected(), r.missing(), r.duplicated(), r.damaged(), r.deliveriesPerSecond(),
                ms(l.p50Us()), ms(l.p99Us()), Tables.cores(r.serverCpu()), Tables.cores(r.generatorCpu()),
                Tables.oneDecimal(r.serverMicrosPerDelivery()), Tables.cores(r.switchesPerDelivery()), r.droppedUsers());
    }

    /** Microseconds as milliseconds with sensible precision: 0.031, 1.25, 2000. */
    static String ms(double micros) {
        if (Double.isNaN(micros)) {
            return "–";
        }
        double ms = micros / 1000;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    static List<Path> write(Results results, Plan plan) throws IOException {
        return ReportPage.write(results, plan);
    }
}
