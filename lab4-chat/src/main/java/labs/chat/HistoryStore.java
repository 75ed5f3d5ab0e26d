package labs.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the history lives between runs ({@link HistoryFile}; tests put in one that blocks).
 * {@link History} reads it once at start and then only its writer thread calls it, one call at a
 * time, so an implementation needs no locking of its own.
 */
interface HistoryStore {
    /** The messages saved by earlier runs, oldest first; damage is repaired or skipped, with a warning. */
    List<HistoryEntry> load() throws IOException;

    /** Adds {@code entries} at the end, in their order. */
    void append(List<HistoryEntry> entries) throws IOException;

    /** Replaces everything saved by {@code entries}, all or nothing. */
    void replace(List<HistoryEntry> entries) throws IOException;

    Path file();
}
