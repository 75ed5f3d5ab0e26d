package labs.threaded.races;

import java.io.PrintStream;
import java.util.List;

/**
 * Races you can watch, with real threads and nothing forced except the deadlock:
 * <pre>
 *   mvn -q compile exec:java@races -Dlab=2 -Dexec.args="lost-update"
 *   mvn -q compile exec:java@races -Dlab=2 -Dexec.args="visibility"
 *   mvn -q compile exec:java@races -Dlab=2 -Dexec.args="deadlock"
 * </pre>
 * {@code --quick} makes each shorter (the tests use it). Every demo ends by itself.
 */
public final class RaceDemos {
    private static final String USAGE = "usage: RaceDemos lost-update|visibility|deadlock [--quick]";

    private RaceDemos() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(List.of(args), System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(List<String> args, PrintStream out) throws InterruptedException {
        boolean quick = args.contains("--quick");
        List<String> demos = args.stream().filter(arg -> !arg.equals("--quick")).toList();
        if (demos.size() != 1) {
            out.println(USAGE);
            return 2;
        }
        switch (demos.get(0)) {
            case "lost-update" -> new LostUpdateDemo(quick, out).run();
            case "visibility" -> new VisibilityDemo(quick, out).run();
            case "deadlock" -> new DeadlockDemo(quick, out).run();
            default -> {
                out.println("unknown demo: " + demos.get(0));
                out.println(USAGE);
                return 2;
            }
        }
        return 0;
    }
}
