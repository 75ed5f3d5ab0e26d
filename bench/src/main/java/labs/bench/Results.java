package labs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Everything one invocation measured, ready for the report.
 *
 * @param machine    where it ran
 * @param started    when it began
 * @param took       how long it ran
 * @param standing   whether it may be called standard, with the load average when it began
 * @param loadAfter  the load average when it ended
 * @param echo       echo runs, the best round of each server at each load
 * @param echoRounds every echo run of every round, to show how much rounds differ
 * @param hold       hold runs
 * @param chat       chat runs
 * @param notes      servers skipped and why, limits hit
 */
record Results(Machine machine, Instant started, Duration took, Standing standing, LoadAverage loadAfter,
               List<EchoResult> echo, List<EchoResult> echoRounds, List<HoldResult> hold, List<ChatResult> chat,
               List<String> notes) {

    /**
     * How much the rounds of one server at one load differ in round trips/s, as fractions of the
     * better round: {median, largest}; null when no load ran more than once.
     */
    double[] roundSpread() {
        List<Double> spreads = new ArrayList<>();
        for (EchoResult best : echo) {
            double[] sameLoad = echoRounds.stream()
                    .filter(r -> r.server().equals(best.server()) && r.clients() == best.clients())
                    .mapToDouble(EchoResult::roundTripsPerSecond).toArray();
            if (sameLoad.length > 1 && best.roundTripsPerSecond() > 0) {
                spreads.add(1 - Arrays.stream(sameLoad).min().getAsDouble() / best.roundTripsPerSecond());
            }
        }
        if (spreads.isEmpty()) {
            return null;
        }
        Collections.sort(spreads);
        return new double[] {spreads.get(spreads.size() / 2), spreads.get(spreads.size() - 1)};
    }

    EchoResult echo(Contender server, int clients) {
        return echo.stream().filter(r -> r.server().equals(server.label()) && r.clients() == clients).findFirst().orElse(null);
    }

    HoldResult hold(Contender server) {
        return hold.stream().filter(r -> r.server().equals(server.label())).findFirst().orElse(null);
    }

    ChatResult chat(Contender server, int users, int rate) {
        return chat.stream().filter(r -> r.server().equals(server.label()) && r.users() == users && r.ratePerSender() == rate)
                .findFirst().orElse(null);
    }

    List<ChatResult> chat(Contender server) {
        return chat.stream().filter(r -> r.server().equals(server.label())).toList();
    }
}
