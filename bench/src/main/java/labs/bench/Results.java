package labs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one invocation measured, ready for the report.
 *
 * @param machine    where it ran
 * @param started    when it began
 * @param took       how long it ran
 * @param loadBefore the load average when it began
 * @param loadAfter  the load average when it ended
 * @param echo       echo runs, in the order run
 * @param hold       hold runs
 * @param chat       chat runs
 * @param notes      servers skipped and why, limits hit
 */
record Results(Machine machine, Instant started, Duration took, String loadBefore, String loadAfter,
               List<EchoResult> echo, List<HoldResult> hold, List<ChatResult> chat, List<String> notes) {

    EchoResult echo(Contender server, int clients) {
        return echo.stream().filter(r -> r.server().equals(server.label()) && r.clients() == clients).findFirst().orElse(null);
    }

    HoldResult hold(Contender server) {
        return hold.stream().filter(r -> r.server().equals(server.label())).findFirst().orElse(null);
    }

    ChatResult chat(Contender server, int rate) {
        return chat.stream().filter(r -> r.server().equals(server.label()) && r.ratePerSender() == rate).findFirst().orElse(null);
    }
}
