package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.testing.CapturedLog;

class ChatRoomTest {
    @TempDir
    Path dataDir;
    private final CapturedLog log = new CapturedLog();
    private ChatRoom room;

    @BeforeEach
    void openRoom() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T13:40:00Z"), ZoneOffset.UTC);
        room = new ChatRoom(History.open(dataDir, 100, clock, log.eventLog()), 2, log.eventLog());
    }

    /** A member whose writer runs, with what it receives captured. */
    private Member member(String name, Capture out) {
        Member member = new Member(name, "client-" + name, out, out::close, 10_000, log.eventLog());
        member.start(Thread::new);
        return member;
    }

    @Test
    void aNewcomerIsWelcomedAndTheOthersAreTold() {
        Capture aliceOut = new Capture();
        Capture bobOut = new Capture();
        Member alice = member("alice", aliceOut);
        assertThat(room.join(alice)).isEmpty();
        assertThat(aliceOut.awaitLines(3)).containsExactly(
                "* you are in the chat; online (1): alice", "* no messages yet", "* type to talk to everybody; /help lists the commands");
        assertThat(room.join(member("bob", bobOut))).isEmpty();
        assertThat(aliceOut.awaitLines(4)).last().isEqualTo("* bob joined");
        assertThat(bobOut.awaitLines(1).get(0)).isEqualTo("* you are in the chat; online (2): alice, bob");
        assertThat(room.onlineNames()).containsExactly("alice", "bob");
        assertThat(room.onlineCount()).isEqualTo(2);
    }

    @Test
    void aNameOnlineIsTakenOverWhateverItsCaseAndTheOthersSeeOneLine() {
        Capture bobOut = new Capture();
        Member first = member("alice", new Capture());
        room.join(member("bob", bobOut));
        room.join(first);
        Capture secondOut = new Capture();
        Member second = member("ALICE", secondOut);
        assertThat(room.join(second)).containsSame(first);
        assertThat(room.onlineNames()).containsExactly("bob", "ALICE");
        assertThat(secondOut.awaitLines(1).get(0)).isEqualTo("* you are in the chat; online (2): bob, ALICE");
        assertThat(bobOut.awaitLines(5)).endsWith("* alice joined", "* ALICE reconnected (the previous connection was closed)");
        room.leave(first); // the old session ends later: nobody is told, the name is still online
        assertThat(room.onlineNames()).containsExactly("bob", "ALICE");
    }

    @Test
    void aMessageGoesToEveryoneButItsSenderAndIntoTheHistory() {
        Capture aliceOut = new Capture();
        Capture bobOut = new Capture();
        Capture carolOut = new Capture();
        Member alice = member("alice", aliceOut);
        room.join(alice);
        room.join(member("bob", bobOut));
        room.join(member("carol", carolOut));
        room.say(alice, "hello");
        assertThat(bobOut.awaitLines(5)).last().isEqualTo("<alice> hello");
        assertThat(carolOut.awaitLines(4)).last().isEqualTo("<alice> hello");
        room.announce("server going down");
        assertThat(aliceOut.awaitLines(6)).containsSubsequence("* bob joined", "* carol joined", "* server going down")
                .doesNotContain("<alice> hello");
        assertThat(room.messagesAccepted()).isEqualTo(1);
        assertThat(room.history().recent(5)).extracting(HistoryEntry::text).containsExactly("hello");
    }

    @Test
    void aNewcomerSeesTheLastMessagesWithTheirTime() {
        Member alice = member("alice", new Capture());
        room.join(alice);
        room.say(alice, "one");
        room.say(alice, "two");
        room.say(alice, "three");
        Capture bobOut = new Capture();
        room.join(member("bob", bobOut));
        assertThat(bobOut.awaitLines(5)).containsSequence("* last 2 message(s):", "* 13:40 <alice> two", "* 13:40 <alice> three");
    }

    @Test
    void leavingIsAnnouncedOnce() {
        Capture aliceOut = new Capture();
        Member alice = member("alice", aliceOut);
        Member bob = member("bob", new Capture());
        room.join(alice);
        room.join(bob);
        room.leave(bob);
        room.leave(bob);
        room.announce("end");
        assertThat(aliceOut.awaitLines(6)).containsSequence("* bob joined", "* bob left", "* end");
        assertThat(room.find("bob")).isEmpty();
    }

    @Test
    void aPrivateMessageReachesOnlyItsRecipientMarkedPrivate() {
        Capture bobOut = new Capture();
        Capture carolOut = new Capture();
        Member alice = member("alice", new Capture());
        room.join(alice);
        room.join(member("bob", bobOut));
        room.join(member("carol", carolOut));
        assertThat(room.tell(alice, "BOB", "psst")).isTrue();
        assertThat(room.tell(alice, "dave", "anyone?")).isFalse();
        room.announce("end");
        assertThat(bobOut.awaitLines(6)).contains("<alice (private)> psst");
        assertThat(carolOut.awaitLines(4)).doesNotContain("<alice (private)> psst");
        assertThat(room.history().size()).isZero();
    }

    @Test
    void everyoneReceivesTheMessagesInOneAndTheSameOrder() throws Exception {
        int senders = 4;
        int perSender = 300;
        List<Member> members = new ArrayList<>();
        List<Capture> outs = new ArrayList<>();
        for (int i = 0; i < senders + 2; i++) {
            Capture out = new Capture();
            outs.add(out);
            Member member = member("user" + i, out);
            members.add(member);
            room.join(member);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Member sender = members.get(s);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int m = 0; m < perSender; m++) {
                    room.say(sender, "m" + m);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        room.announce("end");
        List<String> reference = chat(outs.get(senders));
        assertThat(reference).hasSize(senders * perSender);
        assertThat(chat(outs.get(senders + 1))).isEqualTo(reference);
        for (int s = 0; s < senders; s++) {
            String own = "<user" + s + "> ";
            List<String> expected = reference.stream().filter(line -> !line.startsWith(own)).toList();
            assertThat(chat(outs.get(s))).isEqualTo(expected);
        }
    }

    /** The chat lines a member received, once the final announcement shows it has received everything. */
    private static List<String> chat(Capture out) {
        await().atMost(Duration.ofSeconds(20)).until(() -> out.lines().contains("* end"));
        return out.lines().stream().filter(line -> line.startsWith("<")).toList();
    }

    /**
     * The history's store blocks (a stalled network home folder, here a latch): messages go on
     * being delivered, and once it unblocks the file holds them all, in order. Before the history
     * had its own writer thread, the first message blocked under the room's lock and nobody got
     * anything.
     */
    @Test
    void aStalledHistoryStoreDelaysNobodyAndTheFileKeepsTheOrder() throws Exception {
        StalledHistoryStore blocking = new StalledHistoryStore(new HistoryFile(dataDir.resolve("stalled.txt"), log.eventLog()));
        History history = History.open(blocking, 100, Clock.systemUTC(), log.eventLog());
        ChatRoom stalling = new ChatRoom(history, 2, log.eventLog());
        Capture bobOut = new Capture();
        Member alice = member("alice", new Capture());
        stalling.join(alice);
        stalling.join(member("bob", bobOut));
        stalling.say(alice, "1");
        assertThat(blocking.stalled.await(10, TimeUnit.SECONDS)).isTrue(); // the writer is stuck in the store now
        for (int i = 2; i <= 5; i++) {
            stalling.say(alice, Integer.toString(i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> bobOut.lines().contains("<alice> 5"));
        assertThat(bobOut.lines()).containsSubsequence("<alice> 1", "<alice> 2", "<alice> 3", "<alice> 4", "<alice> 5");
        assertThat(history.awaitSaved(Duration.ZERO)).isFalse();

        blocking.unblock.countDown();
        assertThat(history.awaitSaved(Duration.ofSeconds(10))).isTrue();
        assertThat(blocking.file.load()).extracting(HistoryEntry::text).containsExactly("1", "2", "3", "4", "5");
    }
}
