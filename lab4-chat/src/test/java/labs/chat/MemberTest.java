package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
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
}
