package labs.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;

/** The two pictures of the report, built from a run's results. Stateless. */
final class Charts {
    static final String LATENCY = "echo-latency.png";
    static final String MEMORY = "memory-per-connection.png";

    private static final Color LAB1 = new Color(200, 40, 40);
    private static final Color PLATFORM = new Color(30, 90, 200);
    private static final Color VIRTUAL = new Color(20, 150, 80);
    private static final Color NETTY = new Color(120, 60, 160);

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
        return written;
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
