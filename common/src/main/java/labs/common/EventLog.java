package labs.common;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's event log: one line per event, with the time and the name of the thread that
 * logged it, so that a student can see which thread did what:
 * <pre>
 * 2026-11-27 13:40:01.234 [client-3 127.0.0.1:50712] received 6 bytes
 * </pre>
 * Lines go to the console and, when a file is given, are appended to it too.
 *
 * <p>Thread safety: every thread of a server logs here at once. All mutable state (the file
 * writer) and both outputs are guarded by {@code lock}, and each line is written and flushed
 * whole while the lock is held, so lines never interleave or tear; {@link #clear()} and
 * {@link #tail(int)} take the same lock, so a clear never cuts a line in half and a tail never
 * sees half a line. {@code console}, {@code file}, {@code quiet} and {@code clock} are final.
 */
public final class EventLog implements Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Object lock = new Object();
    private final PrintStream console;
    private final Path file;
    private final boolean quiet;
    private final Clock clock;
    private BufferedWriter fileWriter; // guarded by lock; null when there is no file or it is closed

    /**
     * @param console where every line is printed (null: nowhere)
     * @param file    a file every line is appended to (null: none)
     * @param quiet   when true, {@link #data} events are dropped
     */
    public EventLog(PrintStream console, Path file, boolean quiet, Clock clock) throws IOException {
        this.console = console;
        this.file = file;
        this.quiet = quiet;
        this.clock = clock;
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            fileWriter = open(StandardOpenOption.APPEND);
        }
    }

    /** A log that prints to standard output only. */
    public static EventLog toConsole() {
        try {
            return new EventLog(System.out, null, false, Clock.systemDefaultZone());
        } catch (IOException impossibleWithoutFile) {
            throw new UncheckedIOException(impossibleWithoutFile);
        }
    }

    /** An event that always matters: start, stop, connect, disconnect, errors. */
    public void info(String message) {
        write(message);
    }

    /** An event per read or write; dropped when the log is quiet, so a load test measures the server. */
    public void data(String message) {
        if (!quiet) {
            write(message);
        }
    }

    public boolean isQuiet() {
        return quiet;
    }

    /** The file lines are appended to, or null. */
    public Path file() {
        return file;
    }

    /** The last {@code n} lines of the log file (all of them when {@code n <= 0}). */
    public List<String> tail(int n) throws IOException {
        requireFile();
        synchronized (lock) {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return n <= 0 || n >= all.size() ? all : new ArrayList<>(all.subList(all.size() - n, all.size()));
        }
    }

    /** Empties the log file; logging goes on into it. */
    public void clear() throws IOException {
        requireFile();
        synchronized (lock) {
            if (fileWriter != null) {
                fileWriter.close();
            }
            fileWriter = open(StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (fileWriter != null) {
                fileWriter.close();
                fileWriter = null;
            }
        }
    }

    private void write(String message) {
        String thread = Thread.currentThread().getName();
        synchronized (lock) {
            // The time is read inside the lock, so the lines of the log are in time order.
            String line = LocalDateTime.now(clock).format(TIME) + " [" + thread + "] " + message;
            if (console != null) {
                console.println(line);
                console.flush();
            }
            if (fileWriter != null) {
                try {
                    fileWriter.write(line);
                    fileWriter.newLine();
                    fileWriter.flush();
                } catch (IOException e) {
                    // A full disk must not stop the server; say so once on the console and stop writing the file.
                    fileWriter = null;
                    if (console != null) {
                        console.println("log file " + file + " cannot be written (" + e.getMessage() + "); logging to the console only");
                    }
                }
            }
        }
    }

    private BufferedWriter open(StandardOpenOption mode) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), StandardCharsets.UTF_8));
    }

    private void requireFile() {
        if (file == null) {
            throw new IllegalStateException("this log writes to the console only; start the server with --log-file");
        }
    }
}
