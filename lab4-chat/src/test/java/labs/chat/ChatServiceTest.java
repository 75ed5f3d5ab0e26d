package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.LineReader;
import labs.common.testing.CapturedLog;

/** The chat protocol on in-memory streams: alice's lines are a script, bob is a member listening. */
class ChatServiceTest {
    @TempDir
    Path dataDir;
    private final CapturedLog log = new CapturedLog();
    private final AtomicLong nanos = new AtomicLong();
    private ChatRoom room;
    private final Capture bobOut = new Capture();
    private Member bob;

    @BeforeEach
    void openRoomWithBob() throws IOException {
        room = new ChatRoom(History.open(dataDir, 100, Clock.systemUTC(), log.eventLog()), 20, log.eventLog());
        bob = new Member("bob", "client-2", bobOut, bobOut::close, 1000, log.eventLog());
        bob.start(Thread::new);
        room.join(bob);
    }

    private ChatService service(ChatSettings settings) {
        return new ChatService(room, settings, log.eventLog(), nanos::get, Thread::new);
    }

    /** Runs alice's whole conversation; returns what alice received. */
    private List<String> alice(ChatSettings settings, InputStream script, int maxLineBytes) throws IOException {
        Capture aliceOut = new Capture();
        service(settings).serve("alice", "client-1", new LineReader(script, maxLineBytes), aliceOut, aliceOut::close);
        return aliceOut.lines();
    }

    private List<String> alice(String... lines) throws IOException {
        String script = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        return alice(ChatSettings.defaults(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), 4096);
    }

    /** What bob saw after alice left, without his own welcome. */
    private List<String> bobSaw() {
        bobOut.awaitLines(1);
        org.awaitility.Awaitility.await().until(() -> bobOut.lines().contains("* alice left"));
        List<String> lines = bobOut.lines();
        return lines.subList(lines.indexOf("* alice joined") + 1, lines.indexOf("* alice left"));
    }

    @Test
    void messagesGoToTheOthersAndCommandsAnswerTheSenderOnly() throws IOException {
        List<String> aliceGot = alice("hello, bob", "", "   ", "/who", "//slash", "/msg bob just you", "/msg nobody hi",
                "/history 1", "/bogus", "/help", "/quit", "never sent");
        assertThat(aliceGot.get(0)).isEqualTo("* you are in the chat; online (2): bob, alice");
        assertThat(aliceGot).contains(
                "* online (2): bob, alice",
                "* sent privately to bob",
                "! nobody called nobody is online",
                "* last 1 message(s):",
                "! unknown command /bogus; /help lists the commands",
                "*   /msg name text  a private message to one user");
        assertThat(aliceGot).last().isEqualTo("* bye, alice");
        assertThat(aliceGot).noneMatch(line -> line.startsWith("<alice>"));
        assertThat(bobSaw()).containsExactly("<alice> hello, bob", "<alice> /slash", "<alice (private)> just you");
        assertThat(room.onlineNames()).containsExactly("bob");
    }

    @Test
    void aSecondLoginTakesTheNameOverAndTheFirstSessionIsToldAndClosed() throws IOException {
        Capture second = new Capture();
        service(ChatSettings.defaults()).serve("BOB", "client-9", new LineReader(InputStream.nullInputStream()), second, second::close);
        assertThat(second.lines().get(0)).isEqualTo("* you are in the chat; online (1): BOB");
        assertThat(bobOut.awaitLines(4)).last().isEqualTo("* logged in elsewhere");
        assertThat(bobOut.isClosed()).isTrue();
        assertThat(bob.isDisconnected()).isTrue();
        assertThat(log.contains("bob (client-2) disconnected: logged in elsewhere (client-9)")).isTrue();
        assertThat(room.onlineNames()).isEmpty(); // BOB's script ended: BOB left
    }

    @Test
    void anOverLongLineIsAnErrorAndTheNextLineWorks() throws IOException {
        String script = "x".repeat(200) + "\nstill here\n";
        List<String> aliceGot = alice(ChatSettings.defaults(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), 64);
        assertThat(aliceGot).contains("! line too long (over 64 bytes); not sent");
        assertThat(bobSaw()).containsExactly("<alice> still here");
    }

    @Test
    void controlCharactersAndInvalidBytesNeverReachOthersRaw() throws IOException {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.writeBytes("\u001b[2J\u001b]0;owned\u0007 ding\u0000\n".getBytes(StandardCharsets.UTF_8));
        script.writeBytes(new byte[] {'b', 'a', 'd', ' ', (byte) 0xFF, (byte) 0xC3, '\n'});
        alice(ChatSettings.defaults(), new ByteArrayInputStream(script.toByteArray()), 4096);
        assertThat(bobSaw()).containsExactly("<alice> ?[2J?]0;owned? ding?", "<alice> bad \uFFFD\uFFFD");
    }

    @Test
    void aLineSplitAcrossSegmentsIsOneMessageAndOneSegmentMayHoldSeveral() throws IOException {
        Deque<String> segments = new ArrayDeque<>(List.of("hel", "lo\nsecond\nthi", "rd\n"));
        InputStream network = new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException("LineReader reads in blocks");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (segments.isEmpty()) {
                    return -1;
                }
                byte[] segment = segments.removeFirst().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(segment, 0, buffer, offset, segment.length);
                return segment.length;
            }
        };
        alice(ChatSettings.defaults(), network, 4096);
        assertThat(bobSaw()).containsExactly("<alice> hello", "<alice> second", "<alice> third");
    }

    @Test
    void aFlooderIsWarnedOnceThenDisconnectedAndOthersSeeOnlyTheAllowedLines() throws IOException {
        ChatSettings settings = ChatSettings.defaults().withFloodLimit(3, 1);
        String script = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        List<String> aliceGot = alice(settings, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), 4096);
        assertThat(aliceGot).containsSubsequence(
                "! too fast: at most 1 lines a second; lines are dropped until you slow down", "! flooding: disconnected");
        assertThat(aliceGot.stream().filter(line -> line.startsWith("! too fast"))).hasSize(1);
        assertThat(bobSaw()).containsExactly("<alice> 1", "<alice> 2", "<alice> 3");
        assertThat(log.contains("alice disconnected: flooding")).isTrue();
    }

    @Test
    void aUserWhoSlowsDownIsServedAgain() throws IOException {
        ChatSettings settings = ChatSettings.defaults().withFloodLimit(2, 1);
        InputStream script = new InputStream() {
            private final Deque<String> lines = new ArrayDeque<>(List.of("a\n", "b\n", "c\n", "d\n"));

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (lines.isEmpty()) {
                    return -1;
                }
                if (lines.size() == 1) {
                    nanos.addAndGet(1_000_000_000L); // a second passes before the last line
                }
                byte[] line = lines.removeFirst().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(line, 0, buffer, offset, line.length);
                return line.length;
            }
        };
        alice(settings, script, 4096);
        assertThat(bobSaw()).containsExactly("<alice> a", "<alice> b", "<alice> d");
    }

    @Test
    void aClosedConnectionEndsTheConversationAndTheOthersAreTold() throws IOException {
        List<String> aliceGot = alice("bye without quit");
        assertThat(aliceGot).noneMatch(line -> line.startsWith("* bye"));
        assertThat(bobSaw()).containsExactly("<alice> bye without quit");
    }
}
