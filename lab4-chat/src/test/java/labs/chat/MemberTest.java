package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import labs.common.testing.CapturedLog;

class MemberTest {
    private final CapturedLog log = new CapturedLog();
    private final Capture out = new Capture();

    private Member member(int queueLimit, OutputStream stream, AtomicInteger closes) {
        return new Member("alice", "client-1", stream, closes::incrementAndGet, queueLimit, log.eventLog());
    }

    @Test
    void theWriterSendsQueuedMessagesInOrderAndMultiLineMessagesWhole() throws Exception {
        Member alice = member(10, out, new AtomicInteger());
        alice.send("one");
        alice.send("two\nthree");
        alice.start(Thread::new);
        alice.send("four");
        alice.finish(Duration.ofSeconds(5));
        assertThat(out.lines()).containsExactly("one", "two", "three", "four");
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.key()).isEqualTo(Member.key("ALICE"));
        assertThat(alice).hasToString("alice");
    }

    @Test
    void aFullQueueDisconnectsTheUserOnceWithTheReasonInTheLog() {
        AtomicInteger closes = new AtomicInteger();
        Member alice = member(2, out, closes); // writer not started: nothing is taken from the queue
        assertThat(alice.send("1")).isTrue();
        assertThat(alice.send("2")).isTrue();
        assertThat(alice.queued()).isEqualTo(2);
        assertThat(alice.send("3")).isFalse();
        assertThat(alice.send("4")).isFalse();
        assertThat(alice.isDisconnected()).isTrue();
        assertThat(closes).hasValue(1);
        assertThat(log.contains("alice (client-1) disconnected: outbound queue full (2 messages waiting)")).isTrue();
    }

    @Test
    void aWriteErrorDisconnectsTheUser() {
        AtomicInteger closes = new AtomicInteger();
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Member alice = member(10, broken, closes);
        alice.start(Thread::new);
        alice.send("hello");
        await().atMost(Duration.ofSeconds(10)).until(alice::isDisconnected);
        assertThat(closes).hasValue(1);
        assertThat(log.contains("disconnected: cannot write: Broken pipe")).isTrue();
    }

    @Test
    void finishClosesTheConnectionOfAWriterThatStaysBlocked() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        OutputStream neverReads = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    closed.await(); // like a socket whose peer never reads: blocked until the socket is closed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Socket closed");
            }
        };
        Member alice = new Member("alice", "client-1", neverReads, closed::countDown, 10, log.eventLog());
        alice.start(Thread::new);
        alice.send("stuck");
        alice.finish(Duration.ofMillis(100));
        assertThat(closed.await(0, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void finishWithAFullQueueClosesTheConnectionAtOnce() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        OutputStream neverReads = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writing.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Socket closed");
            }
        };
        Member alice = new Member("alice", "client-1", neverReads, closed::countDown, 1, log.eventLog());
        alice.start(Thread::new);
        alice.send("taken by the writer, which blocks");
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        alice.send("fills the queue");
        alice.finish(Duration.ofSeconds(30)); // no room for the end marker: closes instead of waiting
        assertThat(closed.getCount()).isZero();
    }

    @Test
    void aQueueOverItsByteLimitDisconnectsTheUser() {
        AtomicInteger closes = new AtomicInteger();
        ChatSettings settings = ChatSettings.defaults().withSendQueueBytes(16 * 1024);
        Member alice = new Member("alice", "client-1", out, closes::incrementAndGet, settings, log.eventLog());
        String sixKilobytes = "z".repeat(6000);
        assertThat(alice.send(sixKilobytes)).isTrue();
        assertThat(alice.send(sixKilobytes)).isTrue();
        assertThat(alice.queuedBytes()).isEqualTo(2 * 6001);
        assertThat(alice.send(sixKilobytes)).isFalse(); // three messages, far under the message limit
        assertThat(closes).hasValue(1);
        assertThat(log.contains("alice (client-1) disconnected: outbound queue over 16 KiB (18003 bytes with this message)")).isTrue();
    }

    @Test
    void theWriterWritesABatchInBoundedChunksAndABigMessageWithoutCopying() throws Exception {
        List<Integer> writes = new ArrayList<>();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("the writer writes arrays");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(length);
                out.write(bytes, offset, length);
            }
        };
        Member alice = new Member("alice", "client-1", recording, () -> { }, ChatSettings.defaults(), log.eventLog());
        int bytes = 0;
        for (int i = 0; i < 100; i++) {
            String message = i + " " + "m".repeat(995);
            alice.send(message);
            bytes += message.length() + 1;
        }
        alice.send("b".repeat(40_000));
        alice.start(Thread::new); // finds 101 messages queued: one batch
        alice.finish(Duration.ofSeconds(10));
        assertThat(out.lines()).hasSize(101);
        assertThat(out.lines().get(99)).startsWith("99 m");
        assertThat(writes).contains(40_001).allMatch(size -> size <= Member.CHUNK_BYTES || size == 40_001);
        assertThat(writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(bytes + 40_001);
        assertThat(alice.queuedBytes()).isZero();
    }

    @Test
    void evictTellsTheOldSessionAndClosesItEvenWhenItsPeerIsDead() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        OutputStream deadPeer = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writing.countDown();
                try {
                    closed.await(); // a peer that vanished: the write waits until the socket is closed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Socket closed");
            }
        };
        Member alice = new Member("alice", "client-1", deadPeer, closed::countDown, 10, log.eventLog());
        alice.start(Thread::new);
        alice.send("the last thing the old connection was sent");
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        alice.evict("* logged in elsewhere", "logged in elsewhere (client-2)", Duration.ofMillis(100));
        assertThat(closed.getCount()).isZero();
        assertThat(alice.isDisconnected()).isTrue();
        assertThat(log.contains("alice (client-1) disconnected: logged in elsewhere (client-2)")).isTrue();
    }
}
