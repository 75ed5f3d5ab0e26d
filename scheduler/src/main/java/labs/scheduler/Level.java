package labs.scheduler;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A puzzle: two threads' programs, the shared state they start from, and the bad outcome the
 * student tries to reach. A fixed twin has the same bad outcome, which no schedule reaches,
 * and says why.
 *
 * <p>Thread safety: immutable.
 *
 * @param id         what the student types to choose it, e.g. {@code 1} or {@code 1f}
 * @param title      one line: what the threads do
 * @param goal       the bad outcome to reach, in words
 * @param badOutcome what went wrong in this world, or null while nothing has
 * @param why        for a fixed twin, why the bad outcome is unreachable; null for the broken level
 */
record Level(String id, String title, String goal, Map<String, Object> start, List<List<Step>> programs,
             Function<World, String> badOutcome, String why) {
    World begin() {
        return new World(programs, start);
    }

    boolean fixed() {
        return why != null;
    }
}
