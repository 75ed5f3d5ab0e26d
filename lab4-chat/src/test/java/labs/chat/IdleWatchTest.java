package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import labs.common.testing.CapturedLog;

@Timeout(30)
class IdleWatchTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final CapturedLog log = new CapturedLog();
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final ThreadFactory threads = task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    };

    private Member member(String name) {
        return new Member(name, "client-" + name, new ByteArrayOutputStream(), () -> { }, 10, log.eventLog());
    }

    @Test
    void thePeriodIsAQuarterOfTheShorterLimitBetween10MsAnd1s() {
        assertThat(IdleWatch.period(Duration.ofMinutes(30), Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(IdleWatch.period(Duration.ofMillis(300), Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(50));
        assertThat(IdleWatch.period(Duration.ofMillis(20), Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aSilentUserGetsOneIdleCheckQueuedHoweverOftenTheWatchLooks() {
        Member alice = member("alice"); // writer not started: nothing is taken from the queue
        long now = System.nanoTime();
        alice.nudgeIfSilent(now, MINUTE);
        assertThat(alice.queued()).as("heard a moment ago").isZero();

        alice.nudgeIfSilent(now + 2 * MINUTE, MINUTE);
        alice.nudgeIfSilent(now + 3 * MINUTE, MINUTE);
        assertThat(alice.queued()).as("a stuck writer is not flooded with checks").isEqualTo(1);
    }

    @Test
    void theWatchEndsWhenTheRoomIsEmptyAndTheNextJoinStartsAnother() {
        List<Member> online = new CopyOnWriteArrayList<>(List.of(member("alice")));
        IdleWatch watch = new IdleWatch(Duration.ofMillis(40), Duration.ofMillis(40), () -> List.copyOf(online), threads);
        watch.memberJoined();
        watch.memberJoined();
        assertThat(started).as("one watch for the room").hasSize(1);

        online.clear();
        await().atMost(Duration.ofSeconds(10)).until(() -> !started.get(0).isAlive());
        online.add(member("bob"));
        watch.memberJoined();
        assertThat(started).hasSize(2);
        assertThat(started.get(1).getName()).isEqualTo("chat idle watch");
    }

    /**
     * The race: the watch has found the room empty just as somebody joins. The join must not see
     * the old watch as running while it ends; the test holds the watch between its look and its
     * exit, lets the join run into the lock, then lets go: a second watch must start.
     */
    @Test
    void aJoinWhileTheWatchFindsTheRoomEmptyStartsANewWatch() throws Exception {
        CountDownLatch lookedEmpty = new CountDownLatch(1);
        CountDownLatch joinerWaits = new CountDownLatch(1);
        AtomicInteger looks = new AtomicInteger();
        List<Member> online = new CopyOnWriteArrayList<>();
        Supplier<List<Member>> paused = () -> {
            List<Member> now = List.copyOf(online);
            if (now.isEmpty() && looks.getAndIncrement() == 0) {
                lookedEmpty.countDown();
                waitFor(joinerWaits); // the watch holds its lock here, between the look and clearing its thread
            }
            return now;
        };
        IdleWatch watch = new IdleWatch(Duration.ofMillis(40), Duration.ofMillis(40), paused, threads);
        watch.memberJoined();
        assertThat(lookedEmpty.await(10, TimeUnit.SECONDS)).isTrue();

        online.add(member("carol"));
        Thread joiner = new Thread(watch::memberJoined, "joiner");
        joiner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> joiner.getState() == Thread.State.BLOCKED // waits for the lock: right
                || joiner.getState() == Thread.State.TERMINATED);                                        // took the old watch for a live one
        joinerWaits.countDown();
        joiner.join(10_000);

        assertThat(started).as("the join started a watch of its own").hasSize(2);
        assertThat(started.get(1).isAlive()).as("carol is online, so her watch runs").isTrue();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
