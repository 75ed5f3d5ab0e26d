package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import labs.common.testing.CapturedLog;

/**
 * Race lesson 4: two threads write to one user's socket at once. The unsafe writer sends each
 * message as three calls (prefix, text, end of line); the test holds alice's thread right after
 * her prefix until bob's whole line is out, so the lines are garbled on every run. A queue with
 * one writer thread keeps both lines whole even when the stream itself pauses mid-write, and
 * alice's thread never waits for carol's socket.
 */
class SingleWriterRaceTest {
    private static final String ALICE = "<alice> hello everybody";
    private static final String BOB = "<bob> hi";

    private final CapturedLog log = new CapturedLog();

    /** Writes the first half of its first write, then waits for {@code resume}; later writes pass straight through. */
    private static final class PausingStream extends OutputStream {
        final Capture target = new Capture();
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!first.compareAndSet(true, false)) {
                target.write(bytes, offset, length);
                return;
            }
            int half = length / 2;
            target.write(bytes, offset, half);
            paused.countDown();
            try {
                resume.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            target.write(bytes, offset + half, length - half);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLatch(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(10, TimeUnit.SECONDS)).as("the forced interleaving happened").isTrue();
    }

    @Test
    void twoThreadsWritingOneSocketGarbleTheLines() throws Exception {
        Capture socket = new Capture();
        CountDownLatch afterPrefix = new CountDownLatch(1);
        CountDownLatch bobIsDone = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        UnsafeSharedWriter writer = new UnsafeSharedWriter(socket, () -> {
            if (first.compareAndSet(true, false)) { // alice's message only: pause after its prefix
                afterPrefix.countDown();
                awaitQuietly(bobIsDone);
            }
        });
        Thread alice = new Thread(() -> writer.send("alice", "hello everybody"), "alice");
        alice.start();
        awaitLatch(afterPrefix);
        writer.send("bob", "hi"); // bob's thread, between alice's prefix and her text
        bobIsDone.countDown();
        alice.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(socket.lines()).containsExactly("<alice> <bob> hi", "hello everybody");
    }

    @Test
    void oneWriterThreadPerConnectionKeepsEveryLineWhole() throws Exception {
        PausingStream socket = new PausingStream();
        Member carol = new Member("carol", "client-3", socket, () -> { }, 100, log.eventLog());
        carol.start(Thread::new);
        Thread alice = new Thread(() -> carol.send(ALICE), "alice");
        alice.start();
        awaitLatch(socket.paused); // carol's writer is half-way through alice's line
        assertThat(carol.send(BOB)).isTrue(); // returns at once: bob never waits for carol's socket
        socket.resume.countDown();
        alice.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(socket.target.awaitLines(2)).containsExactly(ALICE, BOB);
        carol.finish(Duration.ofSeconds(5));
    }

    /** Unforced: many threads send to one member whose stream takes one byte at a time. */
    @RepeatedTest(5)
    void oneWriterThreadKeepsLinesWholeUnderStress() throws Exception {
        Capture bytes = new Capture();
        OutputStream byteByByte = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
        Member carol = new Member("carol", "client-3", byteByByte, () -> { }, 100_000, log.eventLog());
        carol.start(Thread::new);
        int threads = 6;
        int lines = 300;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "<user" + t + "> line ";
            Thread sender = new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    carol.send(prefix + i + " of a message long enough to be split");
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(30));
        }
        carol.finish(Duration.ofSeconds(30));
        assertThat(bytes.lines()).hasSize(threads * lines)
                .allMatch(line -> line.matches("<user\\d> line \\d+ of a message long enough to be split"));
    }
}
