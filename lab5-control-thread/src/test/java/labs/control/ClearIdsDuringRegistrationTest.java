package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.auth.IdentificationFile;
import labs.auth.PasswordHash;
import labs.auth.PasswordHasher;
import labs.common.AtomicFiles;

/**
 * Lab 5's race: the operator's clear-ids while a client thread is registering. The file's
 * crash hook ({@link AtomicFiles.BeforeMove}) stops a writer at the worst moment: the new file
 * written, not yet moved into place.
 *
 * <p>Registration and clear both hold the file's one lock for check, write and publish, so one
 * waits for the other whole. Outcomes:
 * <pre>
 *   registration, then clear   file empty; the user must register again      acceptable
 *   clear, then registration   file holds exactly the new user               acceptable
 *   half of either, a torn file, a user in memory but not in the file (or the reverse)   forbidden
 * </pre>
 */
class ClearIdsDuringRegistrationTest {
    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final PasswordHash hash = new PasswordHasher(1000).hash("correct horse".toCharArray());

    @Test
    void aClearArrivingMidRegistrationWaitsAndThenWins() throws Exception {
        Path path = dir.resolve(AuthSettings.FILE_NAME);
        Pause pause = new Pause("registrar");
        IdentificationFile ids = IdentificationFile.load(path, pause);
        ids.register("olga", hash);

        Thread registrar = start("registrar", () -> ids.register("alice", hash));
        pause.reached.await(); // alice's new file is written, not yet moved; the file's lock is held
        Thread operator = start("operator", ids::clear);
        await().until(() -> operator.getState() == Thread.State.BLOCKED);
        assertThat(ids.find("alice")).as("not published before the file holds it").isEmpty();
        assertThat(onDisk(path)).containsExactly("user olga");

        pause.release.countDown();
        registrar.join();
        operator.join();

        assertThat(failures).isEmpty();
        assertThat(ids.userCount()).isZero();
        assertThat(onDisk(path)).isEmpty();
        assertThat(IdentificationFile.load(path).userCount()).as("the file reads back").isZero();
        assertNoTemporaryFilesIn(dir);
    }

    @Test
    void aRegistrationArrivingMidClearWaitsAndThenStands() throws Exception {
        Path path = dir.resolve(AuthSettings.FILE_NAME);
        Pause pause = new Pause("operator");
        IdentificationFile ids = IdentificationFile.load(path, pause);
        ids.register("olga", hash);

        Thread operator = start("operator", ids::clear);
        pause.reached.await();
        Thread registrar = start("registrar", () -> ids.register("alice", hash));
        await().until(() -> registrar.getState() == Thread.State.BLOCKED);

        pause.release.countDown();
        operator.join();
        registrar.join();

        assertThat(failures).isEmpty();
        assertThat(ids.find("alice")).isPresent();
        assertThat(ids.find("olga")).isEmpty();
        assertThat(onDisk(path)).containsExactly("user alice");
        assertThat(IdentificationFile.load(path).find("alice")).isPresent();
        assertNoTemporaryFilesIn(dir);
    }

    @RepeatedTest(3)
    void underStressEveryRegistrationIsEitherClearedOrKeptWhole() throws Exception {
        Path path = dir.resolve(AuthSettings.FILE_NAME);
        IdentificationFile ids = IdentificationFile.load(path);
        int registrars = 4;
        int perRegistrar = 15;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[registrars];
        for (int r = 0; r < registrars; r++) {
            int id = r;
            threads[r] = start("registrar-" + r, () -> {
                go.await();
                for (int i = 0; i < perRegistrar; i++) {
                    assertThat(ids.register("user" + id + "x" + i, hash)).isTrue();
                }
            });
        }
        go.countDown();
        for (int i = 0; i < 10; i++) {
            ids.clear();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        // Whatever survived the last clear is in memory and on disk alike, and the file reads back.
        List<String> onDisk = onDisk(path);
        assertThat(onDisk).hasSize(ids.userCount());
        assertThat(IdentificationFile.load(path).userCount()).isEqualTo(ids.userCount());
        assertNoTemporaryFilesIn(dir);
    }

    /** The file's records: its user names, without hashes and comments. */
    private static List<String> onDisk(Path path) throws IOException {
        return Files.readAllLines(path).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 2)))
                .toList();
    }

    private static void assertNoTemporaryFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(AuthSettings.FILE_NAME);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private Thread start(String name, Step step) {
        Thread thread = new Thread(() -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
        thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        thread.start();
        return thread;
    }

    /** Stops the first write made by the named thread between writing the new file and moving it. */
    private static final class Pause implements AtomicFiles.BeforeMove {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String threadName;
        private final AtomicBoolean done = new AtomicBoolean();

        Pause(String threadName) {
            this.threadName = threadName;
        }

        @Override
        public void run(Path temporary) throws IOException {
            if (Thread.currentThread().getName().equals(threadName) && done.compareAndSet(false, true)) {
                reached.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException(e));
                }
            }
        }
    }
}
