package labs.bench;

import java.util.List;
import java.util.Locale;

/** The issue's chat targets, checked against a run. Stateless. */
final class ChatTargets {
    /** ncat --chat's p99 on the issue author's machine, used when ncat is not installed. */
    static final double NCAT_P99_FALLBACK_US = 20_000;

    private ChatTargets() {
    }

    static List<Target> check(Results r) {
        ChatResult paced = asIssueSays(r.chat(Contender.LAB4_CHAT, 100));
        ChatResult max = asIssueSays(r.chat(Contender.LAB4_CHAT, 0));
        ChatResult ncat = asIssueSays(r.chat(Contender.NCAT_CHAT, 100));
        Target intact = paced == null ? notMeasured("100 users, 10 senders at 100 msg/s: 0 missing, 0 damaged",
                "100 пользователей, 10 отправителей по 100 сообщ./с: 0 потерянных, 0 испорченных")
                : lossless(paced, "100 users, 10 senders at 100 msg/s: 0 missing, 0 damaged",
                "100 пользователей, 10 отправителей по 100 сообщ./с: 0 потерянных, 0 испорченных");
        Target p99;
        String[] p99Goal = {"chat p99 at 100 msg/s ≤ ncat --chat's", "p99 чата при 100 сообщ./с ≤ p99 ncat --chat"};
        if (paced == null) {
            p99 = new Target(p99Goal, "not measured", null, "");
        } else {
            double reference = ncat != null ? ncat.latency().p99Us() : NCAT_P99_FALLBACK_US;
            String against = ncat != null ? "ncat " + Report.ms(reference) + " ms" : "ncat not run; 20 ms assumed";
            boolean met = paced.latency().p99Us() <= reference;
            p99 = new Target(p99Goal, Report.ms(paced.latency().p99Us()) + " ms (" + against + ")", met,
                    met ? "" : String.format(Locale.ROOT, "%.1f× over", paced.latency().p99Us() / reference));
        }
        Target flat = max == null ? notMeasured("at the highest rate: 0 damaged or lost, deliveries/s reported",
                "на предельной скорости: 0 испорченных и потерянных, доставок/с указано")
                : lossless(max, "at the highest rate: 0 damaged or lost, deliveries/s reported",
                "на предельной скорости: 0 испорченных и потерянных, доставок/с указано");
        return List.of(intact, p99, flat);
    }

    /** The run, if it had the issue's room: 100 users, 10 of them senders; else null. */
    private static ChatResult asIssueSays(ChatResult run) {
        return run != null && run.users() == 100 && run.senders() == 10 ? run : null;
    }

    private static Target lossless(ChatResult c, String en, String ru) {
        boolean met = c.missing() == 0 && c.damaged() == 0 && c.duplicated() == 0;
        String measured = String.format(Locale.ROOT, "%d missing, %d duplicated, %d damaged; %.0f deliveries/s",
                c.missing(), c.duplicated(), c.damaged(), c.deliveriesPerSecond());
        return new Target(new String[] {en, ru}, measured, met,
                met ? "" : String.format(Locale.ROOT, "%.2f %% of deliveries", 100.0 * (c.missing() + c.damaged()) / c.expected()));
    }

    private static Target notMeasured(String en, String ru) {
        return new Target(new String[] {en, ru}, "not measured", null, "");
    }
}
