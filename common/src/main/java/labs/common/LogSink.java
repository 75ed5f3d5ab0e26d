package labs.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One output of the {@link EventLog} (the console or the file) and the thread that writes to it.
 * Server threads only put lines in a bounded queue and go on, so a console that stops reading
 * (a full pipe, Ctrl+S, a selection in a Windows console) or a slow disk stalls this thread
 * alone, never a client's. When the queue is full, lines are dropped and counted; once the queue
 * has drained, the writer says how many ("12 log lines dropped …"), because a log that silently
 * skips lines would lie.
 *
 * <p>The writer thread starts with the first line and ends after a second with nothing to do,
 * so an idle log holds no thread.
 *
 * <p>Thread safety argument. Threads: every thread that logs ({@link #add}, {@link #submit},
 * {@link #flush}) and the writer thread. {@code queue}, the counters and {@code writer} are
 * guarded by {@code lock}; a caller holds it only to put a step in the queue, never while
 * anything is written. The {@link Target} is confined to the writer thread: one at a time, and a
 * writer hands over to the next through {@code lock} (it clears {@code writer} under the lock,
 * the next is started under it), so each sees what the last one did.
 */
final class LogSink {
    /** Where lines go. Called by the writer thread only. */
    interface Target {
        void write(String line) throws IOException;

        /** After a batch: push what was written out of any buffer. */
        void flush() throws IOException;
    }

    /** Work on the target that must happen in order with the lines (clear, close). */
    interface Command {
        void run() throws IOException;
    }

    private static final long IDLE_MILLIS = 1000;

    private final Target target;
    private final String threadName;
    private final int capacity;
    private final LongFunction<String> droppedNotice;
    private final Consumer<IOException> onFailure;

    private final Object lock = new Object();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>(); // guarded by lock
    private int queuedLines;   // guarded by lock
    private long added;        // guarded by lock: steps queued since the start
    private long finished;     // guarded by lock: steps written and flushed since the start
    private long dropped;      // guarded by lock: lines dropped since the last notice
    private long lastNotice;   // guarded by lock: the step number of the last "dropped" notice
    private Thread writer;     // guarded by lock; null when no writer thread runs

    /**
     * @param droppedNotice the line that reports n dropped lines
     * @param onFailure     told once per failed write; the line is lost, later lines are tried again
     */
    LogSink(Target target, String threadName, int capacity, LongFunction<String> droppedNotice,
            Consumer<IOException> onFailure) {
        this.target = target;
        this.threadName = threadName;
        this.capacity = capacity;
        this.droppedNotice = droppedNotice;
        this.onFailure = onFailure;
    }

    /** Queues a line, or drops and counts it when the queue is full. Never blocks. */
    void add(String line) {
        synchronized (lock) {
            if (queuedLines >= capacity) {
                dropped++;
                return;
            }
            queuedLines++;
            enqueue(() -> {
                synchronized (lock) {
                    queuedLines--;
                }
                write(line);
            });
        }
    }

    /**
     * Queues a command to run in the writer thread after every line queued before it; the future
     * completes when it has run. Commands are never dropped.
     */
    CompletableFuture<Void> submit(Command command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            enqueue(() -> {
                try {
                    command.run();
                    done.complete(null);
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        }
        return done;
    }

    /**
     * Waits until every line queued before this call is written, and the notice of any dropped
     * line with them, up to {@code timeout}.
     */
    boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long wanted = added;
            // A guarded wait in a loop: a wakeup may come before the condition holds, or for nothing.
            while (finished < wanted || dropped > 0 || finished < lastNotice) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void enqueue(Runnable step) { // lock held
        queue.add(step);
        added++;
        lock.notifyAll();
        if (writer == null) {
            Thread thread = new Thread(this::writeUntilIdle, threadName);
            thread.setDaemon(true); // a stuck console must not keep the JVM from exiting
            try {
                thread.start();
                writer = thread;
            } catch (OutOfMemoryError noThreadNow) {
                // The step stays queued; the next add tries to start a writer again.
            }
        }
    }

    private void writeUntilIdle() {
        List<Runnable> batch = new ArrayList<>();
        try {
            while (takeBatch(batch)) {
                for (Runnable step : batch) {
                    step.run();
                }
                try {
                    target.flush();
                } catch (IOException e) {
                    onFailure.accept(e);
                }
                synchronized (lock) {
                    finished += batch.size();
                    lock.notifyAll();
                }
                batch.clear();
            }
        } finally {
            synchronized (lock) {
                if (writer == Thread.currentThread()) {
                    writer = null; // ended by an Error: the next add starts a new writer
                    finished += batch.size(); // the lost steps: no flush waits for them in vain
                    lock.notifyAll();
                }
            }
        }
    }

    /** Moves every queued step into {@code batch}; false (and the thread ends) after an idle second. */
    private boolean takeBatch(List<Runnable> batch) {
        synchronized (lock) {
            long idleUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
            while (queue.isEmpty()) {
                if (dropped > 0) {
                    long count = dropped;
                    dropped = 0;
                    queue.add(() -> write(droppedNotice.apply(count)));
                    lastNotice = ++added;
                    break;
                }
                long left = idleUntil - System.nanoTime();
                if (left <= 0) {
                    writer = null;
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    // Nobody interrupts this thread; if someone does, the loop checks the queue again.
                }
            }
            batch.addAll(queue);
            queue.clear();
            return true;
        }
    }

    private void write(String line) {
        try {
            target.write(line);
        } catch (IOException e) {
            onFailure.accept(e);
        }
    }

    /** The console: a PrintStream never throws; a broken one only stops showing lines. */
    static final class ConsoleTarget implements Target {
        private final PrintStream console;

        ConsoleTarget(PrintStream console) {
            this.console = console;
        }

        @Override
        public void write(String line) {
            console.println(line);
        }

        @Override
        public void flush() {
            console.flush();
        }
    }

    /**
     * The log file, appended to. After a failed write it is closed and left alone (a full disk
     * must not stop the server) until a clear opens it again. Confined to the writer thread.
     */
    static final class FileTarget implements Target {
        private final Path file;
        private BufferedWriter out; // null: closed or failed

        FileTarget(Path file) throws IOException {
            this.file = file;
            this.out = open(StandardOpenOption.APPEND);
        }

        @Override
        public void write(String line) throws IOException {
            if (out == null) {
                return;
            }
            try {
                out.write(line);
                out.newLine();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                try {
                    out.flush();
                } catch (IOException e) {
                    close();
                    throw e;
                }
            }
        }

        void clear() throws IOException {
            close();
            out = open(StandardOpenOption.TRUNCATE_EXISTING);
        }

        void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException alreadyFailed) {
                    // The next write would fail the same way; there is nobody else to tell.
                } finally {
                    out = null;
                }
            }
        }

        private BufferedWriter open(StandardOpenOption mode) throws IOException {
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), StandardCharsets.UTF_8));
        }
    }
}
