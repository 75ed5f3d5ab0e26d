package labs.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Tries every schedule of a level: at each moment, each thread that can move. A schedule ends
 * when the bad outcome is reached, when both threads have finished, or when neither can move.
 * The programs are a few lines each, so there are only tens of schedules, and the game can say
 * for certain that a fixed twin's bad outcome is unreachable, not merely unlikely.
 *
 * <p>Thread safety: each search works on its own copies of the world; nothing is shared.
 *
 * @param total how many complete schedules there are
 * @param bad   how many of them reach the bad outcome
 * @param first the first bad schedule found (the threads' numbers, 1 or 2), empty if none
 */
record Schedules(int total, int bad, List<Integer> first) {
    static Schedules of(Level level) {
        Search search = new Search(level);
        search.explore(level.begin(), new ArrayList<>());
        return new Schedules(search.total, search.bad, search.first);
    }

    private static final class Search {
        private final Level level;
        private int total;
        private int bad;
        private List<Integer> first = List.of();

        Search(Level level) {
            this.level = level;
        }

        void explore(World world, List<Integer> schedule) {
            if (level.badOutcome().apply(world) != null) {
                total++;
                bad++;
                if (first.isEmpty()) {
                    first = List.copyOf(schedule);
                }
                return;
            }
            boolean moved = false;
            for (int t = 0; t < world.threads(); t++) {
                if (world.whyNot(t) == null) {
                    moved = true;
                    World next = world.copy();
                    next.step(t);
                    schedule.add(t + 1);
                    explore(next, schedule);
                    schedule.remove(schedule.size() - 1);
                }
            }
            if (!moved) {
                total++; // both finished, or stuck without that being this level's bad outcome
            }
        }
    }
}
