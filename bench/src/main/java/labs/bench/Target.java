package labs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of the targets, checked against a run: what was asked, what was measured, and
 * whether it was met. Targets are ratios against Netty (or ncat) measured in the same run, so a
 * slower machine moves both sides.
 *
 * @param goal     what the issue asks, in English and Russian
 * @param measured what this run measured
 * @param met      true or false; null when this run could not measure it
 * @param by       how far off a missed target is ("0.12× short"); empty when met
 */
record Target(String[] goal, String measured, Boolean met, String by) {

    static List<Target> check(Results r) {
        List<Target> targets = new ArrayList<>();
        double[][] throughputGoals = {{10, 1.0}, {100, 0.9}, {1000, 0.8}};
        for (double[] g : throughputGoals) {
            int clients = (int) g[0];
            targets.add(ratio(new String[] {
                    String.format(Locale.ROOT, "lab 2 (platform) round trips/s at %d clients ≥ %.1f× Netty's", clients, g[1]),
                    String.format(Locale.ROOT, "лаб. 2 (платформенные), обменов/с при %d клиентах ≥ %.1f× Netty", clients, g[1])},
                    r.echo(Contender.LAB2_PLATFORM, clients), r.echo(Contender.NETTY, clients),
                    e -> e.roundTripsPerSecond(), g[1], true));
        }
        for (int clients : new int[] {10, 100, 1000}) {
            targets.add(ratio(new String[] {
                    "lab 2 (platform) p99 at " + clients + " clients ≤ 1.5× Netty's",
                    "лаб. 2 (платформенные), p99 при " + clients + " клиентах ≤ 1,5× Netty"},
                    r.echo(Contender.LAB2_PLATFORM, clients), r.echo(Contender.NETTY, clients),
                    e -> e.latency().p99Us(), 1.5, false));
        }
        targets.add(memory(r.hold(Contender.LAB2_PLATFORM), 64, "platform threads", "платформенные потоки"));
        targets.add(memory(r.hold(Contender.LAB2_VIRTUAL), 16, "virtual threads", "виртуальные потоки"));
        for (Contender c : List.of(Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL)) {
            HoldResult h = r.hold(c);
            HoldResult.Point p = h == null ? null : h.at(10_000);
            targets.add(new Target(new String[] {
                    "10,000 idle connections held without error (" + c.label() + ")",
                    "10 000 простаивающих соединений без ошибок (" + c.label() + ")"},
                    p == null ? "not measured" : p.held() + " held, " + p.failures() + " failed",
                    p == null ? null : p.held() == 10_000 && p.failures() == 0, p == null || p.held() == 10_000 ? "" : (10_000 - p.held()) + " short"));
        }
        targets.addAll(ChatTargets.check(r));
        return targets;
    }

    private interface Metric {
        double of(EchoResult r);
    }

    /** Ours against Netty's: at least {@code goal}× when {@code higherIsBetter}, else at most. */
    private static Target ratio(String[] goal, EchoResult ours, EchoResult netty, Metric metric, double goalRatio, boolean higherIsBetter) {
        if (ours == null || netty == null) {
            return new Target(goal, "not measured", null, "");
        }
        double ratio = metric.of(ours) / metric.of(netty);
        boolean met = higherIsBetter ? ratio >= goalRatio : ratio <= goalRatio;
        String measured = String.format(Locale.ROOT, "%.2f×", ratio);
        return new Target(goal, measured, met, met ? "" : String.format(Locale.ROOT, "%.2f× %s", Math.abs(ratio - goalRatio),
                higherIsBetter ? "short" : "over"));
    }

    private static Target memory(HoldResult hold, double goalKb, String what, String whatRu) {
        String[] goal = {
                String.format(Locale.ROOT, "memory per idle connection at 5,000 ≤ %.0f KiB (%s)", goalKb, what),
                String.format(Locale.ROOT, "память на простаивающее соединение при 5000 ≤ %.0f КиБ (%s)", goalKb, whatRu)};
        HoldResult.Point p = hold == null ? null : hold.at(5000);
        if (p == null || p.held() == 0) {
            return new Target(goal, "not measured", null, "");
        }
        double kb = hold.kbPerConnection(p);
        boolean met = kb <= goalKb;
        return new Target(goal, String.format(Locale.ROOT, "%.1f KiB", kb), met,
                met ? "" : String.format(Locale.ROOT, "%.1f KiB over (%.0f %%)", kb - goalKb, 100 * (kb - goalKb) / goalKb));
    }
}
