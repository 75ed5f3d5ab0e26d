package labs.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import labs.common.EventLog;

/**
 * The chat's memory: the last {@code kept} messages in memory, and every message saved in a
 * {@link HistoryStore} (the file {@link HistoryFile}), so a restarted server still shows them.
 *
 * <p>Why a writer thread: {@link #add} is called under the room's lock, and a disk (often a
 * network home folder in a university lab) can stall for seconds. So add only records in memory
 * and queues the entry; the history's own writer thread, the only one that touches the store,
 * appends what is queued, in the order queued, which is the room's order. This is the same
 * pattern as a member's queue and writer: nobody waits for somebody else's slow output.
 *
 * <p>Bounds. At most twice {@code kept} entries wait for the writer; if the store falls further
 * behind, the queue is dropped and the file is later rebuilt from memory (the last {@code kept}),
 * as it is anyway when it holds twice {@code kept} lines, so the file never grows without bound.
 * The writer thread ends after {@link #WRITER_IDLE} with nothing to write and is started again by
 * the next message, so a stopped server leaves no thread behind. A store that fails is logged
 * once, and the chat goes on in memory.
 *
 * <p>Thread safety. Threads: every user's reader thread (add, through the room, which also
 * serializes its messages), whoever asks for {@link #recent}, and the writer thread.
 * <ul>
 *   <li>{@code recent}, {@code linesInFile}, {@code rebuild}, {@code writerRunning}, {@code pending},
 *       {@code settling}, {@code storeBroken}: guarded by {@code this}. No method holds it while calling the store.</li>
 *   <li>{@code unwritten}: a thread-safe BlockingQueue; filled under {@code this} (so a rebuild's
 *       snapshot of {@code recent} and the clearing of the queue are one atomic step), taken by the writer.</li>
 *   <li>{@code store}: confined to the writer thread after {@link #open} (writer threads follow one
 *       another: a new one starts only after the last one said, under {@code this}, that it stopped).</li>
 * </ul>
 */
public final class History {
    public static final String FILE_NAME = "history.txt";
    /** How long the writer thread waits for more before it ends. */
    static final Duration WRITER_IDLE = Duration.ofSeconds(1);

    private final HistoryStore store;
    private final int kept;
    private final Clock clock;
    private final EventLog log;
    private final ArrayDeque<HistoryEntry> recent = new ArrayDeque<>(); // guarded by this
    private final BlockingQueue<HistoryEntry> unwritten;               // thread-safe; offered under this
    private int linesInFile;                                           // guarded by this
    private boolean rebuild;                                           // guarded by this
    private boolean writerRunning;                                     // guarded by this
    private int pending;     // entries added and not yet saved (or superseded by a rebuild); guarded by this
    private int settling;    // of those, the ones the writer is saving now; guarded by this
    private boolean storeBroken;                                       // guarded by this

    private History(HistoryStore store, int kept, Clock clock, EventLog log) {
        this.store = store;
        this.kept = kept;
        this.clock = clock;
        this.log = log;
        this.unwritten = new ArrayBlockingQueue<>(2 * kept);
    }

    /** Loads the history file in {@code dataDir} (creating the folder), repairing a torn last line. */
    public static History open(Path dataDir, int kept, Clock clock, EventLog log) throws IOException {
        Files.createDirectories(dataDir);
        return open(new HistoryFile(dataDir.resolve(FILE_NAME), log), kept, clock, log);
    }

    static History open(HistoryStore store, int kept, Clock clock, EventLog log) throws IOException {
        History history = new History(store, kept, clock, log);
        List<HistoryEntry> saved = store.load();
        synchronized (history) {
            history.linesInFile = saved.size();
            for (HistoryEntry entry : saved.subList(Math.max(0, saved.size() - kept), saved.size())) {
                history.recent.addLast(entry);
            }
        }
        log.info("history: " + history.size() + " message(s) loaded from " + store.file());
        return history;
    }

    /** Records a message now, in memory, and queues it for the store; never waits for the store. */
    public synchronized HistoryEntry add(String sender, String text) {
        HistoryEntry entry = new HistoryEntry(clock.instant(), sender, text);
        recent.addLast(entry);
        if (recent.size() > kept) {
            recent.removeFirst();
        }
        pending++;
        if (!unwritten.offer(entry)) { // the store is far behind: it will get the last `kept` in one go
            unwritten.clear();
            rebuild = true;
        }
        if (!writerRunning) {
            writerRunning = true;
            Thread writer = new Thread(this::writeLoop, "history writer");
            writer.start();
        }
        return entry;
    }

    /** The last {@code n} messages, oldest first. */
    public synchronized List<HistoryEntry> recent(int n) {
        List<HistoryEntry> all = new ArrayList<>(recent);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    public synchronized int size() {
        return recent.size();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Path file() {
        return store.file();
    }

    /** Waits until everything added so far is in the store (or the store failed); false on timeout. */
    public synchronized boolean awaitSaved(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void writeLoop() {
        List<HistoryEntry> batch = new ArrayList<>();
        try {
            while (true) {
                HistoryEntry first = unwritten.poll(WRITER_IDLE.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    unwritten.drainTo(batch);
                }
                boolean replace = takeWork(batch);
                if (batch.isEmpty() && !replace) {
                    if (stopIfIdle()) {
                        return;
                    }
                    continue;
                }
                save(batch, replace);
                batch.clear();
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                writerRunning = false;
            }
            Thread.currentThread().interrupt();
        }
    }

    /** Decides, under the lock, whether the batch is appended or the file rebuilt from memory. */
    private synchronized boolean takeWork(List<HistoryEntry> batch) {
        if (storeBroken) {
            pending = 0;
            batch.clear();
            unwritten.clear();
            rebuild = false;
            notifyAll();
            return false;
        }
        boolean replace = rebuild || linesInFile + batch.size() >= 2 * kept;
        if (replace) {
            settling = pending; // the snapshot holds every pending entry still worth keeping
            rebuild = false;
            batch.clear();
            batch.addAll(recent);
            unwritten.clear(); // every entry in it is in recent too, or too old to keep
            linesInFile = batch.size();
        } else {
            settling = batch.size();
            linesInFile += batch.size();
        }
        return replace;
    }

    /** The slow part, outside every lock. */
    private void save(List<HistoryEntry> batch, boolean replace) {
        IOException failure = null;
        try {
            if (replace) {
                store.replace(batch);
            } else {
                store.append(batch);
            }
        } catch (IOException e) {
            failure = e;
        }
        synchronized (this) {
            pending -= settling;
            settling = 0;
            if (failure != null) {
                storeBroken = true;
            }
            notifyAll();
        }
        if (failure != null) {
            log.info("history file " + store.file() + " cannot be written (" + failure.getMessage() + "); history is kept in memory only");
        }
    }

    private synchronized boolean stopIfIdle() {
        if (unwritten.isEmpty() && !rebuild) {
            writerRunning = false;
            notifyAll();
            return true;
        }
        return false;
    }
}
