package labs.chat;

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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.ServerLauncher;
import labs.common.UsageException;
import labs.common.testing.CapturedLog;
import labs.common.testing.InProcessServer;
import labs.threaded.ThreadPerClientServer.Threads;

/** The server as a whole, in this JVM: what only its own process can show (files, the room, the options). */
class ChatServerTest {
    @TempDir
    Path dataDir;

    private InProcessServer start(ChatSettings chat) throws IOException {
        return InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                new ChatServer(config, log, AuthSettings.forTests(dataDir), chat, Threads.PLATFORM));
    }

    /**
     * The attack: a message said just before the server stops. The history's writer thread is
     * held inside its append; stopping must wait for it, or a restart (or a JVM that exits, which
     * does not wait for a daemon writer started by a virtual thread) loses the last messages.
     * Before the fix awaitTermination returned true at once, with the message not in the file.
     */
    @Test
    void stoppingWaitsUntilTheHistoryFileHoldsEveryMessage() throws Exception {
        StalledHistoryStore stalled = new StalledHistoryStore(new HistoryFile(dataDir.resolve(History.FILE_NAME),
                new CapturedLog().eventLog()));
        ChatSettings chat = ChatSettings.defaults();
        try (InProcessServer server = InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                new ChatServer(config, log, AuthSettings.forTests(dataDir), chat, Threads.PLATFORM, System::nanoTime,
                        new ChatRoom(History.open(stalled, chat.historyKept(), Clock.systemUTC(), log),
                                chat.historyShown(), log)))) {
            try (ChatUser alice = ChatUser.join(server, "alice")) {
                alice.say("last words");
                assertThat(stalled.stalled.await(10, TimeUnit.SECONDS)).isTrue(); // the writer is inside its append
            }
            server.server().stop();
            assertThat(server.server().awaitTermination(Duration.ofMillis(300))).as("stopped with a message unsaved").isFalse();

            stalled.unblock.countDown();
            assertThat(server.server().awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(stalled.file.load()).extracting(HistoryEntry::text).containsExactly("last words");
        }
    }

    @Test
    void aRestartedServerStillShowsTheHistory() throws Exception {
        try (InProcessServer server = start(ChatSettings.defaults());
             ChatUser alice = ChatUser.join(server, "alice")) {
            alice.say("remember me");
            alice.sync();
            assertThat(((ChatServer) server.server()).room().history().awaitSaved(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(Files.readString(dataDir.resolve(History.FILE_NAME))).contains("\talice\tremember me");
        try (InProcessServer server = start(ChatSettings.defaults());
             ChatUser bob = ChatUser.join(server, "bob")) {
            assertThat(bob.welcome).anyMatch(line -> line.endsWith("<alice> remember me"));
        }
    }

    @Test
    void theOperatorCanSeeWhoIsOnlineAndAnnounce() throws IOException {
        try (InProcessServer server = start(ChatSettings.defaults());
             ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob")) {
            ChatServer chat = (ChatServer) server.server();
            assertThat(chat.room().onlineNames()).containsExactly("alice", "bob");
            chat.announce("the server stops in 1 minute");
            assertThat(alice.nextStartingWith("* the server")).isEqualTo("* the server stops in 1 minute");
            assertThat(bob.nextStartingWith("* the server")).isEqualTo("* the server stops in 1 minute");
            assertThat(server.log().contains("announced to 2 user(s)")).isTrue();
        }
    }

    @Test
    void aFlooderIsCutOffAndTheOthersGoOn() throws IOException {
        ChatSettings chat = ChatSettings.defaults().withFloodLimit(3, 1);
        try (InProcessServer server = InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                     new ChatServer(config, log, AuthSettings.forTests(dataDir), chat, Threads.PLATFORM, () -> 0L));
             ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob")) {
            for (int i = 1; i <= 10; i++) {
                bob.say("flood " + i); // the clock stands still: only the burst gets through
            }
            assertThat(bob.client.readUntilClosed()).contains("! flooding: disconnected");
            assertThat(alice.nextStartingWith("<")).isEqualTo("<bob> flood 1");
            assertThat(alice.nextStartingWith("<")).isEqualTo("<bob> flood 2");
            assertThat(alice.nextStartingWith("<")).isEqualTo("<bob> flood 3");
            assertThat(alice.next()).isEqualTo("* bob left");
            assertThat(server.log().contains("bob disconnected: flooding")).isTrue();
        }
    }

    @Test
    void helpListsEveryOptionAndBadValuesAreUsageErrors() throws UsageException {
        String usage = ChatServer.options("lab4-chat server").usage();
        assertThat(usage).contains("--port", "--threads", "--data-dir", "--iterations", "--history", "--history-kept",
                "--queue", "--send-queue-bytes", "--flood-burst", "--flood-rate", "--idle-timeout");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ServerLauncher.run(new String[] {"--history", "50", "--history-kept", "10"}, ChatServer.options("chat"),
                (parsed, log) -> { ChatSettings.from(parsed); return null; },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ServerLauncher.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--history must be between 0 and 10");
    }

    @Test
    void optionsBecomeSettings() throws UsageException {
        Options parsed = ChatSettings.withOptions(new Options("chat")).parse(
                "--history", "5", "--history-kept", "50", "--queue", "7", "--send-queue-bytes", "65536",
                "--flood-burst", "4", "--flood-rate", "0", "--idle-timeout", "20");
        assertThat(ChatSettings.from(parsed)).isEqualTo(
                new ChatSettings(5, 50, 7, 65536, 4, 0, Duration.ofSeconds(20), Duration.ofSeconds(20)));
        assertThat(ChatSettings.from(parsed).replyBytes()).isEqualTo(16384);
        assertThat(ChatSettings.defaults().replyBytes()).isEqualTo(64 * 1024);
        assertThat(ChatSettings.from(ChatSettings.withOptions(new Options("chat")).parse("--idle-timeout", "0")).idleTimeout()).isZero();
        assertThat(ChatSettings.from(ChatSettings.withOptions(new Options("chat")).parse())).isEqualTo(ChatSettings.defaults());
        assertThat(ChatSettings.defaults().withHistory(1, 2).withOutboundQueueLimit(3).withoutFloodLimit())
                .isEqualTo(new ChatSettings(1, 2, 3, ChatSettings.DEFAULT_SEND_QUEUE_BYTES, ChatSettings.DEFAULT_FLOOD_BURST, 0,
                        ChatSettings.DEFAULT_IDLE_TIMEOUT, Duration.ofMinutes(1)));
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new ChatSettings(5, 4, 1, 1 << 20, 1, 1, minute, minute)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSettings(1, 4, 0, 1 << 20, 1, 1, minute, minute)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSettings(1, 4, 1, 1000, 1, 1, minute, minute)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSettings(1, 4, 1, 1 << 20, 1, 1, minute.negated(), minute)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainPrintsHelp() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ChatServer.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: lab4-chat server").contains("--flood-rate");
    }
}
