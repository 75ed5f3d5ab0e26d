package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-27T12:00:00.123Z"), ZoneOffset.UTC);

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void eachLineHasTheTimeAndTheThreadThatLoggedIt() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EventLog log = new EventLog(new PrintStream(console, true, StandardCharsets.UTF_8), null, false, NOON);
        Thread worker = new Thread(() -> log.info("client-1 connected"), "client-1 127.0.0.1:5555");
        worker.start();
        worker.join();
        assertThat(log.flush(WAIT)).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("2026-11-27 12:00:00.123 [client-1 127.0.0.1:5555] client-1 connected");
    }

    @Test
    void quietDropsDataEventsOnly() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EventLog log = new EventLog(new PrintStream(console, true, StandardCharsets.UTF_8), null, true, NOON);
        log.data("received 5 bytes");
        log.info("client-1 disconnected");
        assertThat(log.flush(WAIT)).isTrue();
        assertThat(log.isQuiet()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("received").contains("disconnected");
    }

    @Test
    void appendsToTheFileAndShowsItsTail() throws IOException {
        Path file = dir.resolve("logs/server.log");
        try (EventLog log = new EventLog(null, file, false, NOON)) {
            for (int i = 1; i <= 5; i++) {
                log.info("event " + i);
            }
            assertThat(log.file()).isEqualTo(file);
            assertThat(log.tail(2)).hasSize(2).allMatch(line -> line.matches(".*event [45]$"));
            assertThat(log.tail(0)).hasSize(5);
        }
        try (EventLog reopened = new EventLog(null, file, false, NOON)) {
            reopened.info("event 6");
            assertThat(reopened.tail(100)).hasSize(6);
        }
    }

    @Test
    void clearEmptiesTheFileAndLoggingGoesOn() throws IOException {
        Path file = dir.resolve("server.log");
        try (EventLog log = new EventLog(null, file, false, NOON)) {
            log.info("before");
            log.clear();
            assertThat(Files.readAllLines(file)).isEmpty();
            log.info("after");
            assertThat(log.tail(0)).singleElement().asString().endsWith("after");
        }
    }

    @Test
    void tailAndClearNeedAFile() {
        EventLog log = EventLog.toConsole();
        assertThatThrownBy(() -> log.tail(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("--log-file");
        assertThatThrownBy(log::clear).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        Path file = dir.resolve("busy.log");
        int threads = 8;
        int perThread = 500;
        try (EventLog log = new EventLog(null, file, false, Clock.systemUTC())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "writer" + t;
                Thread writer = new Thread(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < perThread; i++) {
                        log.info(tag + " line " + i + " " + "x".repeat(200));
                    }
                }, tag);
                writers.add(writer);
                writer.start();
            }
            start.countDown();
            for (Thread writer : writers) {
                writer.join();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread)
                .allMatch(line -> line.matches("\\S+ \\S+ \\[(writer\\d)] \\1 line \\d+ x{200}"));
    }

    @Test
    void aFailingLogFileFallsBackToTheConsole() throws IOException {
        Path file = dir.resolve("gone.log");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EventLog log = new EventLog(new PrintStream(console, true, StandardCharsets.UTF_8), file, false, NOON);
        log.close(); // the writer is gone, as if the disk had failed
        log.info("still logged");
        assertThat(log.flush(WAIT)).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("still logged");
    }

    @Test
    void aStuckConsoleDropsLinesCountsThemAndSaysSoOnceItDrains() throws Exception {
        StuckStream stuck = new StuckStream();
        EventLog log = new EventLog(new PrintStream(stuck, true, StandardCharsets.UTF_8), null, false, NOON, line -> { }, 3);
        log.info("the line the console is stuck on");
        stuck.awaitStuck();
        for (int i = 1; i <= 3 + 5; i++) {
            log.info("line " + i); // returns at once: 3 wait in the queue, 5 are dropped
        }
        assertThat(log.flush(Duration.ofMillis(1))).as("the console is stuck").isFalse();
        stuck.release();
        assertThat(log.flush(WAIT)).isTrue();
        assertThat(stuck.text().lines().map(line -> line.substring(24)))
                .containsExactly("[main] the line the console is stuck on", "[main] line 1", "[main] line 2", "[main] line 3",
                        "[log-console] 5 log line(s) dropped: the console was not keeping up");
    }

    @Test
    void closeEndsEvenWhenTheConsoleIsStuck() throws Exception {
        StuckStream stuck = new StuckStream();
        Path file = dir.resolve("server.log");
        EventLog log = new EventLog(new PrintStream(stuck, true, StandardCharsets.UTF_8), file, false, NOON);
        log.info("stuck on the console, written to the file");
        stuck.awaitStuck();
        log.close(); // waits a bounded time for the console, then gives up on it
        assertThat(Files.readAllLines(file)).singleElement().asString().endsWith("stuck on the console, written to the file");
        stuck.release();
    }

    @Test
    void tailDoesNotWaitForAThreadStoppedInTheMiddleOfLogging() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path file = dir.resolve("server.log");
        EventLog log = new EventLog(null, file, false, NOON, line -> {
            if (line.contains("slow writer")) {
                stopped.countDown();
                awaitQuietly(release);
            }
        });
        log.info("first");
        Thread slow = new Thread(() -> log.info("slow writer"), "slow");
        slow.start();
        stopped.await();
        assertThat(log.tail(0)).singleElement().asString().endsWith("first"); // the writers' lock is held, tail goes on
        release.countDown();
        slow.join();
        log.close();
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void aTailNeverShowsALineThatIsOnlyHalfWritten() throws IOException {
        Path file = dir.resolve("server.log");
        try (EventLog log = new EventLog(null, file, false, NOON)) {
            log.info("whole");
            log.flush(WAIT);
            Files.writeString(file, "half a li", java.nio.file.StandardOpenOption.APPEND);
            assertThat(log.tail(0)).singleElement().asString().endsWith("whole");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A console that stops taking bytes, as a full pipe or Ctrl+S does, until the test releases it. */
    static final class StuckStream extends java.io.OutputStream {
        private final CountDownLatch stuck = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            stuck.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            written.write(b, off, len);
        }

        void awaitStuck() throws InterruptedException {
            stuck.await();
        }

        void release() {
            released.countDown();
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }
}
