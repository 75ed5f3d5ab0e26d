package labs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured on, as the report shows it.
 *
 * @param cpu      processor model
 * @param cores    processors the JVM may use
 * @param memoryMb physical memory
 * @param jdk      the JDK that ran the generator and every Java server
 * @param os       operating system and kernel
 * @param openFiles this process's limit on open files (the servers inherit it)
 */
record Machine(String cpu, int cores, long memoryMb, String jdk, String os, String openFiles) {

    static Machine current() {
        return new Machine(
                procLine(Path.of("/proc/cpuinfo"), "model name", "unknown processor"),
                Runtime.getRuntime().availableProcessors(),
                memoryMb(procLine(Path.of("/proc/meminfo"), "MemTotal", "0 kB")),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                openFilesLimit(procLine(Path.of("/proc/self/limits"), "Max open files", "")));
    }

    /** The value after {@code key} on the first line that starts with it, e.g. "model name : Xeon". */
    static String procLine(Path file, String key, String otherwise) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    String rest = line.substring(key.length()).trim();
                    return rest.startsWith(":") ? rest.substring(1).trim() : rest;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the report says "unknown".
        }
        return otherwise;
    }

    static long memoryMb(String memTotal) {
        String digits = memTotal.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits) / 1024;
    }

    /** "20000 20000 files" (soft, hard, unit) → "20000". */
    static String openFilesLimit(String limitsLine) {
        String[] parts = limitsLine.trim().split("\\s+");
        return parts.length > 0 && !parts[0].isEmpty() ? parts[0] : "unknown";
    }
}
