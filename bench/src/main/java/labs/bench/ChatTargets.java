package labs.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 11's chat targets, checked against a run: lab 4's p99 and CPU per delivery against ncat
 * --chat's at the issue's load, no loss at any rate, and deliveries a second at the highest rate.
 * Stateless.
 */
final class ChatTargets {
    /** The issue's load for the comparisons with ncat: 100 users, 10 of them sending 100 messages a second. */
    static final int USERS = 100;
    static final int SENDERS = 10;
    static final int RATE = 100;
    /** Lab 4's deliveries a second at the highest rate when issue 11 was written; the goal is 1.5× that. */
    static final double DELIVERIES_BEFORE = 144_000;
    static final double THROUGHPUT_GOAL = 1.5;

    private ChatTargets() {
    }

    static List<Target> check(Results r) {
        ChatResult ncat = atIssueLoad(r, Contender.NCAT_CHAT, RATE);
        int cores = r.machine().cores();
        List<Target> targets = new ArrayList<>();
        targets.add(p99(atIssueLoad(r, Contender.LAB4_VIRTUAL, RATE), ncat, "virtual", "виртуальные", 1.0, cores));
        targets.add(p99(atIssueLoad(r, Contender.LAB4_PLATFORM, RATE), ncat, "platform", "платформенные", 3.0, cores));
        targets.add(cpu(atIssueLoad(r, Contender.LAB4_VIRTUAL, RATE), ncat));
        for (Contender lab4 : List.of(Contender.LAB4_PLATFORM, Contender.LAB4_VIRTUAL)) {
            targets.add(lossless(r.chat(lab4), lab4));
        }
        for (Contender lab4 : List.of(Contender.LAB4_PLATFORM, Contender.LAB4_VIRTUAL)) {
            targets.add(throughput(atIssueLoad(r, lab4, 0), lab4, cores));
        }
        return targets;
    }

    /** 1.5 as Russian writes it: 1,5. */
    private static String russian(double ratio) {
        return Double.toString(ratio).replace('.', ',');
    }

    /** 144000 as Russian writes it: 144 000. */
    private static String thousands(double n) {
        return String.format(Locale.ROOT, "%,.0f", n).replace(',', ' ');
    }

    private static ChatResult atIssueLoad(Results r, Contender c, int rate) {
        return r.chat(c, USERS, rate);
    }

    private static String kind(Contender lab4) {
        return lab4.usesVirtualThreads() ? "virtual" : "platform";
    }

    private static String kindRu(Contender lab4) {
        return lab4.usesVirtualThreads() ? "виртуальные" : "платформенные";
    }

    private static Target p99(ChatResult lab4, ChatResult ncat, String kind, String kindRu, double goalRatio, int cores) {
        String[] goal = {
                String.format(Locale.ROOT, "lab 4 (%s) chat p99 at %d users × %d senders × %d/s ≤ %.1f× ncat --chat's",
                        kind, USERS, SENDERS, RATE, goalRatio),
                String.format(Locale.ROOT, "лаб. 4 (%s), p99 чата при %d пользователях × %d отправителях × %d/с ≤ %s× ncat --chat",
                        kindRu, USERS, SENDERS, RATE, russian(goalRatio))};
        if (lab4 == null || ncat == null || lab4.latency().isEmpty() || ncat.latency().isEmpty()) {
            return Target.notMeasured(goal);
        }
        double ours = lab4.latency().p99Us();
        double theirs = ncat.latency().p99Us();
        Map<String, Object> facts = perDelivery(lab4, ncat);
        facts.put("p99", Report.ms(ours));
        facts.put("ncat-p99", Report.ms(theirs));
        facts.put("busy", Tables.cores(lab4.serverCpu() + lab4.generatorCpu()));
        facts.put("cores", cores);
        facts.put("wakeups", lab4.switchesPerDelivery() >= 0.5);
        facts.put("batching", lab4.switchesPerDelivery() < 0.5);
        facts.put("saturated", lab4.serverCpu() + lab4.generatorCpu() >= 0.9 * cores);
        facts.put("ncat-damaged", ncat.damaged() > 0);
        facts.put("ncat-damaged-share", String.format(Locale.ROOT, "%.1f %%", 100.0 * ncat.damaged() / ncat.expected()));
        return Target.ratio(goal, String.format(Locale.ROOT, "%.2f× (%s ms vs %s ms)", ours / theirs, Report.ms(ours), Report.ms(theirs)),
                ours / theirs, goalRatio, false, "chat-p99", facts);
    }

    private static Target cpu(ChatResult lab4, ChatResult ncat) {
        String[] goal = {
                String.format(Locale.ROOT, "lab 4 (virtual) server CPU per delivery at %d users × %d senders × %d/s ≤ 1.5× ncat --chat's",
                        USERS, SENDERS, RATE),
                String.format(Locale.ROOT, "лаб. 4 (виртуальные), ЦП сервера на доставку при %d пользователях × %d отправителях × %d/с ≤ 1,5× ncat --chat",
                        USERS, SENDERS, RATE)};
        if (lab4 == null || ncat == null) {
            return Target.notMeasured(goal);
        }
        double ratio = lab4.serverMicrosPerDelivery() / ncat.serverMicrosPerDelivery();
        Map<String, Object> facts = perDelivery(lab4, ncat);
        facts.put("ratio", String.format(Locale.ROOT, "%.2f", ratio));
        return Target.ratio(goal, String.format(Locale.ROOT, "%.2f× (%s µs vs %s µs)", ratio,
                Tables.oneDecimal(lab4.serverMicrosPerDelivery()), Tables.oneDecimal(ncat.serverMicrosPerDelivery())),
                ratio, 1.5, false, "chat-cpu", facts);
    }

    /** What one delivery cost lab 4 and ncat at the same load: the facts both comparisons start from. */
    private static Map<String, Object> perDelivery(ChatResult lab4, ChatResult ncat) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("server", lab4.server());
        facts.put("users", lab4.users());
        facts.put("senders", lab4.senders());
        facts.put("rate", lab4.ratePerSender());
        facts.put("us", Tables.oneDecimal(lab4.serverMicrosPerDelivery()));
        facts.put("switches", Tables.cores(lab4.switchesPerDelivery()));
        facts.put("ncat-us", Tables.oneDecimal(ncat.serverMicrosPerDelivery()));
        facts.put("ncat-switches", Tables.cores(ncat.switchesPerDelivery()));
        return facts;
    }

    private static Target lossless(List<ChatResult> runs, Contender lab4) {
        String[] goal = {"lab 4 (" + kind(lab4) + "): 0 missing, duplicated or damaged at every rate",
                "лаб. 4 (" + kindRu(lab4) + "): ни одного потерянного, повторного или испорченного сообщения при любом темпе"};
        if (runs.isEmpty()) {
            return Target.notMeasured(goal);
        }
        List<ChatResult> lossy = runs.stream().filter(c -> !c.lossless()).toList();
        long missing = runs.stream().mapToLong(ChatResult::missing).sum();
        long duplicated = runs.stream().mapToLong(ChatResult::duplicated).sum();
        long damaged = runs.stream().mapToLong(ChatResult::damaged).sum();
        long expected = runs.stream().mapToLong(ChatResult::expected).sum();
        String measured = String.format(Locale.ROOT, "runs: %d; %d missing, %d duplicated, %d damaged", runs.size(), missing, duplicated, damaged);
        if (lossy.isEmpty()) {
            return new Target(goal, measured, true, "", "", Map.of());
        }
        ChatResult worst = lossy.stream().max((a, b) -> Long.compare(a.missing() + a.duplicated() + a.damaged(),
                b.missing() + b.duplicated() + b.damaged())).orElseThrow();
        Map<String, Object> facts = new HashMap<>();
        facts.put("server", lab4.label());
        facts.put("runs", lossy.size());
        facts.put("all-runs", runs.size());
        facts.put("users", worst.users());
        facts.put("senders", worst.senders());
        facts.put("at-max", worst.ratePerSender() == 0);
        facts.put("paced", worst.ratePerSender() > 0);
        facts.put("rate", worst.ratePerSender());
        facts.put("missing", worst.missing());
        facts.put("duplicated", worst.duplicated());
        facts.put("damaged", worst.damaged());
        facts.put("dropped", worst.droppedUsers());
        facts.put("generator", Tables.cores(worst.generatorCpu()));
        return new Target(goal, measured, false,
                String.format(Locale.ROOT, "%.3f %% of deliveries", 100.0 * (missing + duplicated) / expected), "chat-loss", facts);
    }

    private static Target throughput(ChatResult max, Contender lab4, int cores) {
        double goalPerSecond = THROUGHPUT_GOAL * DELIVERIES_BEFORE;
        String[] goal = {
                String.format(Locale.ROOT, "lab 4 (%s) deliveries/s at %d users × %d senders at the highest rate ≥ %.1f× %,.0f = %,.0f",
                        kind(lab4), USERS, SENDERS, THROUGHPUT_GOAL, DELIVERIES_BEFORE, goalPerSecond),
                String.format(Locale.ROOT, "лаб. 4 (%s), доставок/с при %d пользователях × %d отправителях на предельной скорости ≥ %s× %s = %s",
                        kindRu(lab4), USERS, SENDERS, russian(THROUGHPUT_GOAL), thousands(DELIVERIES_BEFORE), thousands(goalPerSecond))};
        if (max == null) {
            return Target.notMeasured(goal);
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("server", max.server());
        facts.put("per-second", Math.round(max.deliveriesPerSecond()));
        facts.put("server-cores", Tables.cores(max.serverCpu()));
        facts.put("us", Tables.oneDecimal(max.serverMicrosPerDelivery()));
        facts.put("per-core", Math.round(1e6 / max.serverMicrosPerDelivery()));
        facts.put("generator", Tables.cores(max.generatorCpu()));
        facts.put("cores", cores);
        facts.put("saturated", max.serverCpu() + max.generatorCpu() >= 0.9 * cores);
        double ratio = max.deliveriesPerSecond() / DELIVERIES_BEFORE;
        return Target.ratio(goal, String.format(Locale.ROOT, "%,.0f deliveries/s = %.2f× %,.0f", max.deliveriesPerSecond(), ratio,
                DELIVERIES_BEFORE), ratio, THROUGHPUT_GOAL, true, "chat-throughput", facts);
    }
}
