package labs.scheduler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * "You are the scheduler" (after the Deadlock Empire): two threads, and the student decides
 * which one takes its next step, trying to reach the bad outcome. Each level has a fixed twin
 * where no schedule reaches it, and the game says why. Reads commands from standard input, so
 * it can be scripted: {@code printf '1\n1\n2\n1\n2\n1\n2\n' | mvn -q compile exec:java -Dlab=scheduler}.
 * It ends at {@code quit} or at the end of input.
 *
 * <p>Thread safety: one thread (main) runs it all; the two "threads" of a level are simulated.
 */
public final class SchedulerGame {
    private final BufferedReader in;
    private final PrintStream out;

    SchedulerGame(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        new SchedulerGame(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out).run();
    }

    void run() throws IOException {
        out.println("You are the scheduler: you choose which thread takes its next step.");
        out.println("levels (the ones ending in f are the fixed twins):");
        Levels.ALL.forEach(level -> out.printf("  %-3s %s%n", level.id(), level.title()));
        while (true) {
            String choice = ask("level: 1 1f 2 2f 3 3f 4 4f 5 5f (or quit)?");
            if (choice == null || choice.equalsIgnoreCase("quit")) {
                out.println("bye");
                return;
            }
            Level level = Levels.find(choice);
            if (level == null) {
                out.println("no level '" + choice + "'");
            } else if (!play(level)) {
                out.println("bye");
                return;
            }
        }
    }

    /** Plays one level; false at the end of input. */
    private boolean play(Level level) throws IOException {
        World world = level.begin();
        out.println();
        out.println("== level " + level.id() + ": " + level.title());
        out.println("   your goal: " + level.goal());
        boolean changed = true;
        while (true) {
            if (changed) {
                show(world);
            }
            changed = false;
            String bad = level.badOutcome().apply(world);
            if (bad != null) {
                out.println("*** bad outcome: " + bad);
                Schedules all = Schedules.of(level);
                out.println("You win. " + all.bad() + " of the " + all.total() + " possible schedules end like this."
                        + " Now try level " + level.id() + "f.");
                return true;
            }
            if (world.allFinished()) {
                out.println("both threads finished: " + world.sharedText());
                if (level.fixed()) {
                    out.println("The bad outcome is unreachable here: " + Schedules.of(level).total()
                            + " schedules, none reaches it. Why: " + level.why());
                } else {
                    out.println("No race this time: try another order.");
                }
                return true;
            }
            String typed = ask("step thread 1 or 2 (menu: back to the levels)?");
            if (typed == null) {
                return false;
            }
            if (typed.equalsIgnoreCase("menu")) {
                return true;
            }
            int thread = typed.equals("1") ? 0 : typed.equals("2") ? 1 : -1;
            if (thread < 0) {
                out.println("type 1 or 2 to let that thread take its next step, or menu");
            } else if (world.whyNot(thread) != null) {
                out.println(World.threadName(thread) + " cannot move: it " + world.whyNot(thread));
            } else {
                out.println("> " + World.threadName(thread) + ": " + world.current(thread).code().replaceAll("\\s*//[^\n]*", "").strip().replace("\n", " "));
                world.step(thread);
                changed = true;
            }
        }
    }

    private void show(World world) {
        out.println("shared: " + world.sharedText());
        for (int t = 0; t < world.threads(); t++) {
            String why = world.whyNot(t);
            out.println(World.threadName(t) + " (" + world.localsText(t) + ")" + (why == null ? "" : ": " + why));
            for (int line = 0; line < world.program(t).size(); line++) {
                String marker = line == world.line(t) ? "  -> " : "     ";
                out.println(marker + world.program(t).get(line).code().replace("\n", "\n     "));
            }
        }
    }

    private String ask(String question) throws IOException {
        out.print(question + " ");
        out.flush();
        String line = in.readLine();
        if (line != null) {
            out.println();
        }
        return line == null ? null : line.trim();
    }
}
