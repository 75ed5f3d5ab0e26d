package labs.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the hold load against one server: memory and threads at 0 connections, then at each step.
 *
 * <p>Thread safety: confined to the runner thread.
 */
final class HoldBench {
    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);

    private HoldBench() {
    }

    static HoldResult run(ServerProcess server, List<Integer> steps) throws IOException, InterruptedException {
        HoldResult.Point baseline = measure(server, 0, 0, 0);
        List<HoldResult.Point> points = new ArrayList<>();
        try (HoldLoad load = new HoldLoad(server.address())) {
            for (int step : steps) {
                load.growTo(step, STEP_LIMIT);
                points.add(measure(server, step, load.held(), load.failures()));
                if (load.held() < step) {
                    break; // the server or this machine hit a limit: more would only fail more
                }
            }
        }
        return new HoldResult(server.contender().label(), baseline, points);
    }

    /** Waits until the server's memory stops moving (at most 3 s), then reads it. */
    private static HoldResult.Point measure(ServerProcess server, int asked, int held, long failures)
            throws IOException, InterruptedException {
        ProcStats.Status before = server.status();
        for (int i = 0; i < 15; i++) {
            TimeUnit.MILLISECONDS.sleep(200);
            ProcStats.Status now = server.status();
            boolean settled = Math.abs(now.rssKb() - before.rssKb()) * 100 < before.rssKb() && now.threads() == before.threads();
            before = now;
            if (settled) {
                break;
            }
        }
        return new HoldResult.Point(asked, held, failures, before.rssKb(), before.threads());
    }
}
