package labs.chat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import labs.common.AtomicFiles;
import labs.common.EventLog;

/**
 * The chat's memory: the last {@code kept} messages in memory, and every message appended to a
 * file, one line each (see {@link HistoryEntry}), so a restarted server still shows them.
 *
 * <p>Crash safety. A message is appended with one write and handed to the operating system at
 * once, so a crash of the server loses nothing already accepted; a crash of the machine may lose
 * the last lines or tear the last one. At start a torn last line (no line feed) is skipped with
 * a warning and cut off, and any unreadable line is skipped with a warning naming it: the
 * history is a convenience, so damage never stops the server. When the file holds twice
 * {@code kept} lines it is replaced, atomically ({@link AtomicFiles}), by the last {@code kept},
 * so it never grows without bound.
 *
 * <p>Thread safety. Threads: every user's reader thread (through {@link ChatRoom}, which also
 * serializes its messages), and whoever asks for {@link #recent}. Every method is synchronized
 * on this object, which guards {@code recent} and {@code linesInFile} and serializes the file
 * writes, so the file's order is the order of {@code recent}. A full disk is logged once and the
 * chat goes on in memory.
 */
public final class History {
    public static final String FILE_NAME = "history.txt";

    private final Path file;
    private final int kept;
    private final Clock clock;
    private final EventLog log;
    private final ArrayDeque<HistoryEntry> recent = new ArrayDeque<>(); // guarded by this
    private int linesInFile;                                           // guarded by this
    private boolean fileBroken;                                        // guarded by this

    private History(Path file, int kept, Clock clock, EventLog log) {
        this.file = file;
        this.kept = kept;
        this.clock = clock;
        this.log = log;
    }

    /** Loads the history file in {@code dataDir} (creating the folder), repairing a torn last line. */
    public static History open(Path dataDir, int kept, Clock clock, EventLog log) throws IOException {
        Files.createDirectories(dataDir);
        History history = new History(dataDir.resolve(FILE_NAME), kept, clock, log);
        history.load();
        return history;
    }

    /** Records a message now; returns it. */
    public synchronized HistoryEntry add(String sender, String text) {
        HistoryEntry entry = new HistoryEntry(clock.instant(), sender, text);
        recent.addLast(entry);
        if (recent.size() > kept) {
            recent.removeFirst();
        }
        append(entry);
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
        return file;
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            log.info("warning: history file " + file + ": the last line is incomplete (a crash while writing?); "
                    + "skipped " + (bytes.length - end) + " byte(s)");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            linesInFile++;
            try {
                recent.addLast(HistoryEntry.parse(lines[i]));
            } catch (IllegalArgumentException e) {
                log.info("warning: history file " + file + " line " + (i + 1) + " is unreadable (" + e.getMessage() + "); skipped");
            }
            if (recent.size() > kept) {
                recent.removeFirst();
            }
        }
        log.info("history: " + recent.size() + " message(s) loaded from " + file);
    }

    private void append(HistoryEntry entry) { // lock held
        if (fileBroken) {
            return;
        }
        try {
            if (linesInFile >= 2 * kept) {
                List<String> lines = new ArrayList<>();
                for (HistoryEntry each : recent) {
                    lines.add(each.toFileLine());
                }
                AtomicFiles.writeLines(file, lines);
                linesInFile = lines.size();
                return;
            }
            Files.write(file, (entry.toFileLine() + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            linesInFile++;
        } catch (IOException e) {
            fileBroken = true;
            log.info("history file " + file + " cannot be written (" + e.getMessage() + "); history is kept in memory only");
        }
    }
}
