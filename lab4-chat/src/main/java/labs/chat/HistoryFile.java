package labs.chat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import labs.common.AtomicFiles;
import labs.common.EventLog;

/**
 * The history file, {@code history.txt}: one line per message ({@link HistoryEntry}).
 *
 * <p>Crash safety. Each batch of messages is appended with one write and handed to the operating
 * system at once, so a crash of the server loses nothing already written; a crash of the machine
 * may lose the last lines or tear the last one. At start a torn last line (no line feed) is
 * skipped with a warning and cut off, and any unreadable line is skipped with a warning naming
 * it: the history is a convenience, so damage never stops the server. {@link #replace} goes
 * through {@link AtomicFiles}: the old file or the new one, never half of each.
 *
 * <p>Thread safety: not thread-safe; {@link History} calls it from one thread at a time.
 */
final class HistoryFile implements HistoryStore {
    private final Path file;
    private final EventLog log;

    HistoryFile(Path file, EventLog log) {
        this.file = file;
        this.log = log;
    }

    @Override
    public List<HistoryEntry> load() throws IOException {
        List<HistoryEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
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
            try {
                entries.add(HistoryEntry.parse(lines[i]));
            } catch (IllegalArgumentException e) {
                log.info("warning: history file " + file + " line " + (i + 1) + " is unreadable (" + e.getMessage() + "); skipped");
            }
        }
        return entries;
    }

    @Override
    public void append(List<HistoryEntry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        for (HistoryEntry entry : entries) {
            text.append(entry.toFileLine()).append('\n');
        }
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void replace(List<HistoryEntry> entries) throws IOException {
        List<String> lines = new ArrayList<>(entries.size());
        for (HistoryEntry entry : entries) {
            lines.add(entry.toFileLine());
        }
        AtomicFiles.writeLines(file, lines);
    }

    @Override
    public Path file() {
        return file;
    }
}
