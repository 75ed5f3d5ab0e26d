package labs.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many threads a program and its child processes have, from Linux's {@code /proc/PID/task}
 * (one entry per thread of process PID; see proc(5)). Any language's threads are operating
 * system threads there: a JVM's platform threads and CPython's {@code threading} threads alike.
 * Elsewhere there is no such folder, and the check is skipped.
 */
final class ThreadCount {
    private static final Path PROC = Path.of("/proc");

    private ThreadCount() {
    }

    static boolean available() {
        return Files.isDirectory(PROC.resolve("self").resolve("task"));
    }

    /** Threads of all these processes; a process that has just ended counts none. */
    static int of(List<ProcessHandle> processes) {
        int threads = 0;
        for (ProcessHandle process : processes) {
            try (Stream<Path> tasks = Files.list(PROC.resolve(Long.toString(process.pid())).resolve("task"))) {
                threads += (int) tasks.count();
            } catch (IOException ended) {
                // It ended between listing and counting: no threads.
            }
        }
        return threads;
    }

    /**
     * The count once it has stopped changing: the same for {@code calm} in a row, or the last
     * seen when {@code limit} runs out (a program that keeps starting threads).
     */
    static int settled(Program program, Duration calm, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int last = of(program.tree());
        long calmSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - calmSince < calm.toNanos()) {
            program.waitFor(Duration.ofMillis(50)); // a bounded pause that ends early if the program dies
            int now = of(program.tree());
            if (now != last) {
                last = now;
                calmSince = System.nanoTime();
            }
        }
        return last;
    }
}
