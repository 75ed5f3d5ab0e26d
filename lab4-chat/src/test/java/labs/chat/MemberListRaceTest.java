package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import labs.common.testing.CapturedLog;

/**
 * Race lesson 1: a broadcast walks the member list while another thread changes it. The bad
 * interleaving is forced, not hoped for: the broadcast pauses while delivering to bob, and only
 * then does the other thread join or leave. So the unsafe list fails on every run, and the
 * fixed one is then also run under real, unforced concurrency.
 */
class MemberListRaceTest {
    /** The three operations both lists offer, so one scenario runs against each. */
    private interface Members {
        void add(Member member);

        void remove(Member member);

        void forEach(Consumer<Member> action);
    }

    private static Members unsafe() {
        UnsafeMemberList list = new UnsafeMemberList();
        return new Members() {
            public void add(Member member) {
                list.add(member);
            }

            public void remove(Member member) {
                list.remove(member);
            }

            public void forEach(Consumer<Member> action) {
                list.forEach(action);
            }
        };
    }

    private static Members fixed() {
        MemberList list = new MemberList();
        return new Members() {
            public void add(Member member) {
                assertThat(list.put(member)).isEmpty();
            }

            public void remove(Member member) {
                list.remove(member);
            }

            public void forEach(Consumer<Member> action) {
                list.forEach(action);
            }
        };
    }

    private final CapturedLog log = new CapturedLog();
    private final Member alice = member("alice");
    private final Member bob = member("bob");
    private final Member carol = member("carol");
    private final Member dave = member("dave");

    private Member member(String name) {
        return new Member(name, name, new Capture(), () -> { }, 10, log.eventLog());
    }

    /** What one broadcast did: whom it reached, and what it threw. */
    private record Outcome(List<Member> delivered, Throwable thrown) { }

    /** Broadcasts to [alice, bob, carol]; while bob is being sent to, {@code meanwhile} runs in this thread. */
    private Outcome broadcastWhile(Members members, Consumer<Members> meanwhile) throws InterruptedException {
        members.add(alice);
        members.add(bob);
        members.add(carol);
        List<Member> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch atBob = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        Thread broadcaster = new Thread(() -> {
            try {
                members.forEach(member -> {
                    delivered.add(member);
                    if (member == bob) {
                        atBob.countDown();
                        await(changed); // the paused step: the list changes now, mid-walk
                    }
                });
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "broadcaster");
        broadcaster.start();
        await(atBob);
        meanwhile.accept(members);
        changed.countDown();
        broadcaster.join(TimeUnit.SECONDS.toMillis(10));
        return new Outcome(List.copyOf(delivered), thrown.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the forced interleaving did not happen");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void unsafeListThrowsWhenSomeoneJoinsDuringABroadcast() throws InterruptedException {
        Outcome outcome = broadcastWhile(unsafe(), members -> members.add(dave));
        assertThat(outcome.thrown()).isInstanceOf(ConcurrentModificationException.class);
        assertThat(outcome.delivered()).containsExactly(alice, bob); // carol never got the message
    }

    @Test
    void unsafeListSilentlySkipsAMemberWhenSomeoneLeavesDuringABroadcast() throws InterruptedException {
        Outcome outcome = broadcastWhile(unsafe(), members -> members.remove(alice));
        assertThat(outcome.thrown()).isNull();
        assertThat(outcome.delivered()).containsExactly(alice, bob); // carol skipped, and nobody noticed
    }

    @Test
    void snapshotListDeliversToEveryoneWhenSomeoneJoinsDuringABroadcast() throws InterruptedException {
        Outcome outcome = broadcastWhile(fixed(), members -> members.add(dave));
        assertThat(outcome.thrown()).isNull();
        assertThat(outcome.delivered()).containsExactly(alice, bob, carol); // dave joined after it began
    }

    @Test
    void snapshotListDeliversToEveryoneWhenSomeoneLeavesDuringABroadcast() throws InterruptedException {
        Outcome outcome = broadcastWhile(fixed(), members -> members.remove(alice));
        assertThat(outcome.thrown()).isNull();
        assertThat(outcome.delivered()).containsExactly(alice, bob, carol);
    }

    /** Unforced: broadcasts run while another thread joins and leaves as fast as it can. */
    @RepeatedTest(20)
    void snapshotListNeverThrowsNorSkipsUnderStress() throws InterruptedException {
        MemberList list = new MemberList();
        List<Member> regulars = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Member regular = member("regular" + i);
            regulars.add(regular);
            list.put(regular);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread churn = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                Member visitor = member("visitor" + (i++ % 50));
                list.put(visitor);
                list.remove(visitor);
            }
        }, "churn");
        churn.start();
        try {
            for (int round = 0; round < 500; round++) {
                List<Member> delivered = new ArrayList<>();
                list.forEach(delivered::add);
                assertThat(delivered).containsAll(regulars);
            }
        } finally {
            running.set(false);
            churn.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(list.snapshot()).containsExactlyElementsOf(regulars);
        assertThat(list.find("REGULAR3")).contains(regulars.get(3));
    }
}
