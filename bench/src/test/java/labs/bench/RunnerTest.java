package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Of several rounds, the report keeps the best run of each server at each load, in the first round's order. */
class RunnerTest {

    @Test
    void keepsTheRoundWithMostRoundTrips() {
        List<EchoResult> results = new ArrayList<>();

        Runner.keepBest(results, ReportTest.echo(Contender.LAB2_PLATFORM, 10, 40_000, 1));
        Runner.keepBest(results, ReportTest.echo(Contender.NETTY, 10, 50_000, 1));
        Runner.keepBest(results, ReportTest.echo(Contender.LAB2_PLATFORM, 10, 45_000, 2)); // better: replaces
        Runner.keepBest(results, ReportTest.echo(Contender.NETTY, 10, 30_000, 3));         // worse: ignored
        Runner.keepBest(results, ReportTest.echo(Contender.NETTY, 100, 20_000, 3));        // another load: added

        assertThat(results).extracting(EchoResult::server, EchoResult::clients, r -> (long) r.roundTripsPerSecond())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Contender.LAB2_PLATFORM.label(), 10, 45_000L),
                        org.assertj.core.groups.Tuple.tuple(Contender.NETTY.label(), 10, 50_000L),
                        org.assertj.core.groups.Tuple.tuple(Contender.NETTY.label(), 100, 20_000L));
    }
}
