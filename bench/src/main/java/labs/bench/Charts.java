package labs.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The three pictures of the report, built from a run's results. Stateless. */
final class Charts {
    static final String LATENCY = "echo-latency.png";
    static final String MEMORY = "memory-per-connection.png";
    static final String CHAT_P99 = "chat-p99.png";

    private static final Color LAB1 = new Color(200, 40, 40);
    private static final Color PLATFORM = new Color(30, 90, 200);
    private static final Color VIRTUAL = new Color(20, 150, 80);
    private static final Color NETTY = new Color(120, 60, 160);
    private static final Color NCAT = new Color(200, 120, 20);

    private Charts() {
    }

    /** Writes the charts that have data into {@code dir}; returns the files written. */
    static List<Path> write(Results r, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Chart latency = new Chart("Echo latency vs clients (p50 solid, p99 dashed)", "clients (log scale)", "ms (log scale)", true);
        for (Object[] s : new Object[][] {{Contender.LAB1, LAB1}, {Contender.LAB2_PLATFORM, PLATFORM}, {Contender.NETTY, NETTY}}) {
            Contender c = (Contender) s[0];
            latency.add(new Chart.Series(c.label() + " p50", (Color) s[1], false, echoPoints(r, c, false)));
            latency.add(new Chart.Series(c.label() + " p99", (Color) s[1], true, echoPoints(r, c, true)));
        }
        if (!r.echo().isEmpty()) {
            latency.write(dir.resolve(LATENCY));
            written.add(dir.resolve(LATENCY));
        }
        Chart memory = new Chart("Memory per idle connection", "connections held (log scale)", "KiB per connection", false);
        for (Object[] s : new Object[][] {{Contender.LAB2_PLATFORM, PLATFORM}, {Contender.LAB2_VIRTUAL, VIRTUAL}, {Contender.NETTY, NETTY}}) {
            HoldResult h = r.hold((Contender) s[0]);
            if (h != null) {
                List<double[]> points = new ArrayList<>();
                for (HoldResult.Point p : h.points()) {
                    if (p.held() > 0) {
                        points.add(new double[] {p.held(), h.kbPerConnection(p)});
                    }
                }
                memory.add(new Chart.Series(h.server(), (Color) s[1], false, points));
            }
        }
        if (!r.hold().isEmpty()) {
            IntSummaryStatistics held = r.hold().stream().flatMap(h -> h.points().stream())
                    .mapToInt(HoldResult.Point::held).filter(n -> n > 0).summaryStatistics();
            if (held.getCount() > 0) { // the targets, as dashed lines across the measured range
                memory.add(level("target, platform: 64 KiB", PLATFORM, 64, held));
                memory.add(level("target, virtual: 16 KiB", VIRTUAL, 16, held));
            }
            memory.write(dir.resolve(MEMORY));
            written.add(dir.resolve(MEMORY));
        }
        if (hasChatChart(r)) {
            int users = chatRoom(r);
            ChatResult any = r.chat().stream().filter(c -> c.users() == users).findFirst().orElseThrow();
            Chart chat = new Chart(String.format(Locale.ROOT, "Chat p99 vs offered message rate (%d users, %d senders)", users, any.senders()),
                    "messages/s the senders offer together (log scale)", "p99 ms (log scale)", true);
            for (Object[] s : new Object[][] {{Contender.LAB4_PLATFORM, PLATFORM}, {Contender.LAB4_VIRTUAL, VIRTUAL}, {Contender.NCAT_CHAT, NCAT}}) {
                Contender c = (Contender) s[0];
                chat.add(new Chart.Series(c.label(), (Color) s[1], false, chatPoints(r, c, users)));
            }
            chat.write(dir.resolve(CHAT_P99));
            written.add(dir.resolve(CHAT_P99));
        }
        return written;
    }

    /** Whether some chat runs were paced, so that p99 can be drawn against the rate they offered. */
    static boolean hasChatChart(Results r) {
        return r.chat().stream().anyMatch(c -> c.ratePerSender() > 0 && !c.latency().isEmpty());
    }

    /** The room with the most paced runs: the chart compares the rates in one room. */
    private static int chatRoom(Results r) {
        return r.chat().stream().filter(c -> c.ratePerSender() > 0)
                .collect(Collectors.groupingBy(ChatResult::users, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static List<double[]> chatPoints(Results r, Contender c, int users) {
        List<double[]> points = new ArrayList<>();
        for (ChatResult run : r.chat(c)) {
            if (run.users() == users && run.ratePerSender() > 0 && !run.latency().isEmpty()) {
                points.add(new double[] {run.offeredMessagesPerSecond(), run.latency().p99Us() / 1000});
            }
        }
        points.sort(Comparator.comparingDouble(p -> p[0]));
        return points;
    }

    private static Chart.Series level(String name, Color color, double kb, IntSummaryStatistics range) {
        return new Chart.Series(name, color, true, List.of(new double[] {range.getMin(), kb}, new double[] {range.getMax(), kb}));
    }

    private static List<double[]> echoPoints(Results r, Contender c, boolean p99) {
        List<double[]> points = new ArrayList<>();
        for (EchoResult e : r.echo()) {
            if (e.server().equals(c.label()) && !e.latency().isEmpty()) {
                points.add(new double[] {e.clients(), (p99 ? e.latency().p99Us() : e.latency().p50Us()) / 1000});
            }
        }
        return points;
    }
}
