package labs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process in {@code /proc/<pid>}: resident memory, thread count and CPU
 * time. The parsing is separate from the reading, so that tests can feed it sample text.
 *
 * <p>Thread safety: stateless; every method works on its arguments only.
 */
final class ProcStats {
    /** Clock ticks per second for utime/stime: 100 on every mainstream Linux build (USER_HZ). */
    static final long TICKS_PER_SECOND = 100;

    /** A process's memory and threads at one moment. */
    record Status(long rssKb, int threads) {
    }

    private ProcStats() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    static Status status(long pid) throws IOException {
        return parseStatus(Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII));
    }

    /** User plus system CPU time the process and its ended children have used so far, in nanoseconds. */
    static long cpuNanos(long pid) throws IOException {
        return parseCpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII));
    }

    /**
     * Context switches of all the process's threads so far: the sum of voluntary (the thread
     * blocked, e.g. in read()) and involuntary (the scheduler took the core away) switches in
     * each {@code /proc/<pid>/task/<tid>/status}. Threads that ended meanwhile are not counted.
     */
    static long contextSwitches(long pid) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    total += parseContextSwitches(Files.readString(task.resolve("status"), StandardCharsets.US_ASCII));
                } catch (IOException endedMeanwhile) {
                    // A thread that ended between the listing and the reading: its switches are not counted.
                }
            }
        }
        return total;
    }

    /** Reads {@code voluntary_ctxt_switches} plus {@code nonvoluntary_ctxt_switches} from a status text. */
    static long parseContextSwitches(String text) {
        long switches = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                switches += Long.parseLong(field(line, ""));
            }
        }
        return switches;
    }

    /** Reads {@code VmRSS:  1932 kB} and {@code Threads:  1} from the text of {@code /proc/<pid>/status}. */
    static Status parseStatus(String text) {
        long rss = -1;
        int threads = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(field(line, "kB"));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(field(line, ""));
            }
        }
        if (rss < 0 || threads < 0) {
            throw new IllegalArgumentException("no VmRSS or Threads line in /proc status text");
        }
        return new Status(rss, threads);
    }

    /**
     * Reads the CPU time from the text of {@code /proc/<pid>/stat}: utime and stime (fields 14 and
     * 15), plus cutime and cstime (16 and 17), the time of its children that have ended. Field 2 is
     * the command name in parentheses and may itself hold spaces or ')', so counting starts after
     * the last ')'.
     */
    static long parseCpuNanos(String text) {
        String[] after = text.substring(text.lastIndexOf(')') + 2).trim().split(" +");
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
            ticks += Long.parseLong(after[field - 3]); // after[0] is field 3 (state)
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    private static String field(String line, String unit) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        return unit.isEmpty() ? value : value.substring(0, value.length() - unit.length()).trim();
    }
}
