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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-27T12:00:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void eachLineHasTheTimeAndTheThreadThatLoggedIt() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EventLog log = new EventLog(new PrintStream(console, true, StandardCharsets.UTF_8), null, false, NOON);
        Thread worker = new Thread(() -> log.info("client-1 connected"), "client-1 127.0.0.1:5555");
        worker.start();
        worker.join();
        assertThat(console.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("2026-11-27 12:00:00.123 [client-1 127.0.0.1:5555] client-1 connected");
    }

    @Test
    void quietDropsDataEventsOnly() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EventLog log = new EventLog(new PrintStream(console, true, StandardCharsets.UTF_8), null, true, NOON);
        log.data("received 5 bytes");
        log.info("client-1 disconnected");
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
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("still logged");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
