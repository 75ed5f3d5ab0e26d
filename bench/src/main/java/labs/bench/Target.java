package labs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the issues' targets, checked against a run: what was asked, what was measured, and
 * whether it was met. Targets are ratios against Netty (or ncat) measured in the same run, so a
 * slower machine moves both sides. A missed target names its cause, a block of the causes
 * template, and the facts from the run that fill it (see {@link Causes}).
 *
 * @param goal     what the issue asks, in English and Russian
 * @param measured what this run measured
 * @param met      true or false; null when this run could not measure it
 * @param by       how far off a missed target is ("0.12× short"); empty when met
 * @param cause    the block of the causes template that explains a miss; empty when there is none
 * @param facts    the values that block needs
 */
record Target(String[] goal, String measured, Boolean met, String by, String cause, Map<String, ?> facts) {

    static Target notMeasured(String[] goal) {
        return new Target(goal, "not measured", null, "", "", Map.of());
    }

    static List<Target> check(Results r) {
        List<Target> targets = new ArrayList<>();
        double[][] throughputGoals = {{10, 1.0}, {100, 0.9}, {1000, 0.8}};
        for (double[] g : throughputGoals) {
            targets.add(roundTrips(r, Contender.LAB2_PLATFORM, "platform", "платформенные", (int) g[0], g[1]));
        }
        targets.add(roundTrips(r, Contender.LAB2_VIRTUAL, "virtual", "виртуальные", 1000, 0.9));
        for (int clients : new int[] {10, 100, 1000}) {
            targets.add(p99(r, clients));
        }
        targets.add(memory(r.hold(Contender.LAB2_PLATFORM), 64, "platform threads", "платформенные потоки", "memory-platform"));
        targets.add(memory(r.hold(Contender.LAB2_VIRTUAL), 16, "virtual threads", "виртуальные потоки", "memory-virtual"));
        for (Contender c : List.of(Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL)) {
            targets.add(held(r.hold(c), c));
        }
        targets.addAll(ChatTargets.check(r));
        return targets;
    }

    private static Target roundTrips(Results r, Contender lab2, String kind, String kindRu, int clients, double goalRatio) {
        String[] goal = {
                String.format(Locale.ROOT, "lab 2 (%s) round trips/s at %d clients ≥ %.1f× Netty's", kind, clients, goalRatio),
                String.format(Locale.ROOT, "лаб. 2 (%s), обменов/с при %d клиентах ≥ %s× Netty", kindRu, clients,
                        Double.toString(goalRatio).replace('.', ','))};
        EchoResult ours = r.echo(lab2, clients);
        EchoResult netty = r.echo(Contender.NETTY, clients);
        if (ours == null || netty == null) {
            return notMeasured(goal);
        }
        return ratio(goal, ours.roundTripsPerSecond() / netty.roundTripsPerSecond(), goalRatio, true, "echo-throughput", Map.of(
                "server", ours.server(), "clients", clients, "cores", r.machine().cores(),
                "ours-us", Tables.oneDecimal(ours.serverMicrosPerRoundTrip()), "ours-switches", Tables.cores(ours.switchesPerRoundTrip()),
                "netty-us", Tables.oneDecimal(netty.serverMicrosPerRoundTrip()), "netty-switches", Tables.cores(netty.switchesPerRoundTrip()),
                "generator", Tables.cores(ours.generatorCpu())));
    }

    private static Target p99(Results r, int clients) {
        String[] goal = {"lab 2 (platform) p99 at " + clients + " clients ≤ 1.5× Netty's",
                "лаб. 2 (платформенные), p99 при " + clients + " клиентах ≤ 1,5× Netty"};
        EchoResult ours = r.echo(Contender.LAB2_PLATFORM, clients);
        EchoResult netty = r.echo(Contender.NETTY, clients);
        if (ours == null || netty == null) {
            return notMeasured(goal);
        }
        return ratio(goal, ours.latency().p99Us() / netty.latency().p99Us(), 1.5, false, "echo-p99", Map.of(
                "server", ours.server(), "clients", clients,
                "ours", Report.ms(ours.latency().p99Us()), "netty", Report.ms(netty.latency().p99Us())));
    }

    /** A measured ratio against its goal: at least {@code goalRatio} when {@code higherIsBetter}, else at most. */
    static Target ratio(String[] goal, double ratio, double goalRatio, boolean higherIsBetter, String cause, Map<String, ?> facts) {
        return ratio(goal, String.format(Locale.ROOT, "%.2f×", ratio), ratio, goalRatio, higherIsBetter, cause, facts);
    }

    static Target ratio(String[] goal, String measured, double ratio, double goalRatio, boolean higherIsBetter,
                        String cause, Map<String, ?> facts) {
        if (Double.isNaN(ratio)) {
            return notMeasured(goal);
        }
        boolean met = higherIsBetter ? ratio >= goalRatio : ratio <= goalRatio;
        String by = met ? "" : String.format(Locale.ROOT, "%.2f× %s", Math.abs(ratio - goalRatio), higherIsBetter ? "short" : "over");
        return new Target(goal, measured, met, by, cause, facts);
    }

    private static Target memory(HoldResult hold, double goalKb, String what, String whatRu, String cause) {
        String[] goal = {
                String.format(Locale.ROOT, "memory per idle connection at 5,000 ≤ %.0f KiB (%s)", goalKb, what),
                String.format(Locale.ROOT, "память на простаивающее соединение при 5000 ≤ %.0f КиБ (%s)", goalKb, whatRu)};
        HoldResult.Point p = hold == null ? null : hold.at(5000);
        if (p == null || p.held() == 0) {
            return notMeasured(goal);
        }
        double kb = hold.kbPerConnection(p);
        boolean met = kb <= goalKb;
        return new Target(goal, String.format(Locale.ROOT, "%.1f KiB", kb), met,
                met ? "" : String.format(Locale.ROOT, "%.1f KiB over (%.0f %%)", kb - goalKb, 100 * (kb - goalKb) / goalKb), cause, Map.of());
    }

    private static Target held(HoldResult hold, Contender c) {
        String[] goal = {"10,000 idle connections held without error (" + c.label() + ")",
                "10 000 простаивающих соединений без ошибок (" + c.label() + ")"};
        HoldResult.Point p = hold == null ? null : hold.at(10_000);
        if (p == null) {
            return notMeasured(goal);
        }
        boolean met = p.held() == 10_000 && p.failures() == 0;
        return new Target(goal, p.held() + " held, " + p.failures() + " failed", met, met ? "" : p.held() < 10_000 ? (10_000 - p.held()) + " short" : p.failures() + " failed",
                "held", Map.of("server", c.label(), "held", p.held(), "asked", p.asked(), "failed", p.failures()));
    }
}
