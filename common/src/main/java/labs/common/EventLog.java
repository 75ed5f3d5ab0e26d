package labs.common;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The server's event log: one line per event, with the time and the name of the thread that
 * logged it, so that a student can see which thread did what:
 * <pre>
 * 2026-11-27 13:40:01.234 [client-3 127.0.0.1:50712] received 6 bytes
 * </pre>
 * Lines go to the console and, when a file is given, are appended to it too.
 *
 * <p>A thread that logs never waits for the console or the disk: each output has its own writer thread
 * ({@link LogSink}) and a bounded queue, so a stalled console drops log lines (and says how many)
 * instead of stopping every thread that logs. A log that blocks the world is an easy way for one
 * Ctrl+S to stop a whole server, Ctrl+C included.
 *
 * <p>Thread safety argument. Threads: every thread of a server logs here at once; the operator's
 * thread also reads ({@link #tail}), clears and closes; each output's writer thread writes.
 * {@code lock} makes "read the time, queue the line for both outputs" one step, so lines are in
 * time order and in the same order in both outputs; it is held for that only, never while
 * anything is written or read. The file's writer ({@link LogSink.FileTarget}) is confined to
 * the file's writer thread; clear and close are commands queued in order with the lines, so a clear never
 * cuts a line in half, every line logged before it is gone and every line after it is kept.
 * {@link #tail} reads the file without any lock of ours; it drops a last line still being written.
 * The other fields are final.
 */
public final class EventLog implements Closeable {
    /** Lets a test stop a logging thread at a chosen line, as a preemption would, without touching the code under test. */
    @FunctionalInterface
    public interface BeforeLine {
        /** Called in the logging thread with the log's lock held, before the line is queued. */
        void reached(String line);
    }

    /** Lines waiting per output, at most: the log's memory is bounded however stuck an output is. */
    static final int QUEUE_LINES = 10_000;
    /** How long close() and tail() wait for a stuck output before they give up on it. */
    static final Duration WAIT_FOR_OUTPUT = Duration.ofSeconds(2);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Object lock = new Object();
    private final Path file;
    private final boolean quiet;
    private final Clock clock;
    private final BeforeLine beforeLine;
    private final LogSink consoleSink; // null: no console
    private final LogSink fileSink;    // null: no file
    private final LogSink.FileTarget fileTarget; // null: no file

    /**
     * @param console where every line is printed (null: nowhere)
     * @param file    a file every line is appended to (null: none)
     * @param quiet   when true, {@link #data} events are dropped
     */
    public EventLog(PrintStream console, Path file, boolean quiet, Clock clock) throws IOException {
        this(console, file, quiet, clock, line -> { });
    }

    public EventLog(PrintStream console, Path file, boolean quiet, Clock clock, BeforeLine beforeLine) throws IOException {
        this(console, file, quiet, clock, beforeLine, QUEUE_LINES);
    }

    EventLog(PrintStream console, Path file, boolean quiet, Clock clock, BeforeLine beforeLine, int queueLines) throws IOException {
        this.file = file;
        this.quiet = quiet;
        this.clock = clock;
        this.beforeLine = beforeLine;
        this.consoleSink = console == null ? null
                : new LogSink(new LogSink.ConsoleTarget(console), "log-console", queueLines,
                        n -> stamp("log-console", n + " log line(s) dropped: the console was not keeping up"),
                        e -> { });
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            fileTarget = new LogSink.FileTarget(file);
            fileSink = new LogSink(fileTarget, "log-file", queueLines,
                    n -> stamp("log-file", n + " log line(s) dropped: the disk was not keeping up"),
                    this::fileFailed);
        } else {
            fileTarget = null;
            fileSink = null;
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

    /**
     * Waits until every line logged before this call has been written (up to {@code timeout});
     * false if an output is stuck. Tests call it before they read what was logged.
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = true;
        for (LogSink sink : sinks()) {
            done &= sink.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return done;
    }

    /** The last {@code n} lines of the log file (all of them when {@code n <= 0}). */
    public List<String> tail(int n) throws IOException {
        requireFile();
        fileSink.flush(WAIT_FOR_OUTPUT); // so the tail shows what was logged before the command
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a line the writer is still appending: not whole yet, so not shown
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        List<String> all = text.isEmpty() ? List.of() : List.of(text.split("\\R"));
        return n <= 0 || n >= all.size() ? all : new ArrayList<>(all.subList(all.size() - n, all.size()));
    }

    /** Empties the log file; logging goes on into it. */
    public void clear() throws IOException {
        requireFile();
        queueAndWait(fileTarget::clear, "clear");
    }

    /** Writes what is queued (waiting a bounded time for a stuck output) and closes the file. */
    @Override
    public void close() throws IOException {
        if (fileSink != null) {
            queueAndWait(fileTarget::close, "close");
        }
        if (consoleSink != null) {
            consoleSink.flush(WAIT_FOR_OUTPUT);
        }
    }

    private void queueAndWait(LogSink.Command command, String what) throws IOException {
        CompletableFuture<Void> done;
        synchronized (lock) { // in order with the lines: what was logged before it is before it
            done = fileSink.submit(command);
        }
        try {
            done.get(WAIT_FOR_OUTPUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stuck) {
            throw new IOException("log file " + file + ": " + what + " did not finish in "
                    + WAIT_FOR_OUTPUT.toSeconds() + " s; the disk is not answering");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the log file " + what + " was waiting");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void write(String message) {
        String thread = Thread.currentThread().getName();
        synchronized (lock) {
            // The time is read inside the lock, so the lines of the log are in time order.
            String line = stamp(thread, message);
            beforeLine.reached(line);
            for (LogSink sink : sinks()) {
                sink.add(line);
            }
        }
    }

    private String stamp(String thread, String message) {
        return LocalDateTime.now(clock).format(TIME) + " [" + thread + "] " + message;
    }

    private List<LogSink> sinks() {
        List<LogSink> sinks = new ArrayList<>(2);
        if (consoleSink != null) {
            sinks.add(consoleSink);
        }
        if (fileSink != null) {
            sinks.add(fileSink);
        }
        return sinks;
    }

    /** A full disk must not stop the server; say so on the console and go on without the file. */
    private void fileFailed(IOException e) {
        if (consoleSink != null) {
            consoleSink.add(stamp("log-file", "log file " + file + " cannot be written (" + e.getMessage() + "); logging to the console only"));
        }
    }

    private void requireFile() {
        if (file == null) {
            throw new IllegalStateException("this log writes to the console only; start the server with --log-file");
        }
    }
}
