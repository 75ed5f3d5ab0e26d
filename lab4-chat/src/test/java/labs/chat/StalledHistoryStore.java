package labs.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A history file whose appends stop until the test lets them go: {@link #stalled} opens when the
 * writer thread is inside an append, {@link #unblock} lets it finish. Loads and replaces go
 * straight to the file.
 *
 * <p>Thread safety: the latches are thread-safe; the file is touched by the history's writer
 * thread only, as {@link HistoryStore} promises, and read by the test after the writer finished.
 */
final class StalledHistoryStore implements HistoryStore {
    final CountDownLatch stalled = new CountDownLatch(1);
    final CountDownLatch unblock = new CountDownLatch(1);
    final HistoryFile file;

    StalledHistoryStore(HistoryFile file) {
        this.file = file;
    }

    @Override
    public List<HistoryEntry> load() throws IOException {
        return file.load();
    }

    @Override
    public void append(List<HistoryEntry> entries) throws IOException {
        stalled.countDown();
        try {
            unblock.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.append(entries);
    }

    @Override
    public void replace(List<HistoryEntry> entries) throws IOException {
        file.replace(entries);
    }

    @Override
    public Path file() {
        return file.file();
    }
}
