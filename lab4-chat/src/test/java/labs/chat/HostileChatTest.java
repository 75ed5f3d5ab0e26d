package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * What a hostile (or merely broken) client tries against the chat, each attack through the
 * socket, the way it was first tried by hand. Each test failed on the code before its defence.
 */
class HostileChatTest {
    @TempDir
    Path dir;

    private InProcessServer start(ChatSettings chat) throws IOException {
        return InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                new ChatServer(config, log, AuthSettings.forTests(dir), chat, Threads.PLATFORM));
    }

    /**
     * With a full history of long messages, each /history 1000 once asked the server for a 4 MB
     * reply, and a user who never reads piled them up until a 256 MB server died of
     * OutOfMemoryError. Now each reply is capped and the user's queue is bounded in bytes.
     */
    @Test
    void aUserWhoAsksForAllTheHistoryAndNeverReadsIsDroppedAndTheOthersChatOn() throws Exception {
        try (ChildChatServer server = ChildChatServer.start(dir, List.of("-Xmx256m"),
                "--flood-rate", "0", "--iterations", "1000", "--quiet")) {
            try (ChatUser filler = ChatUser.join(server, "filler")) {
                String longText = "x".repeat(4000);
                for (int i = 0; i < 1000; i++) {
                    filler.say(i + " " + longText);
                }
                filler.sync();
            }
            try (ChatUser bob = ChatUser.join(server, "bob");
                 ChatUser carol = ChatUser.join(server, "carol")) {
                TestClient neverReads = TestClient.connect(server);
                neverReads.socket().setReceiveBufferSize(4096);
                ChatUser mallory = ChatUser.join(neverReads, "mallory"); // reads its welcome, then never again
                try {
                    for (int i = 0; i < 3000; i++) {
                        mallory.say("/history 1000");
                    }
                } catch (IOException droppedByTheServer) {
                    // The server closed the connection: exactly what the defence does.
                }
                await().atMost(Duration.ofSeconds(40)).until(() -> server.output().contains("mallory (client-")
                        && server.output().contains("disconnected: outbound queue")
                        || server.output().contains("OutOfMemoryError") || !server.isAlive());
                assertThat(server.output()).doesNotContain("OutOfMemoryError")
                        .containsPattern("mallory \\(client-\\d+\\) disconnected: outbound queue over 1 MiB");
                assertThat(server.isAlive()).isTrue();
                carol.say("after the flood");
                assertThat(bob.nextStartingWith("<")).isEqualTo("<carol> after the flood");
                mallory.close();
            }
        }
    }

    /**
     * A connection that dies without a FIN (a laptop closed, a Wi-Fi that drops) looks to the
     * server exactly like a user who is silent, and used to hold its name: its owner, logging in
     * again, was refused ("already online"). Now the right password takes the name over.
     */
    @Test
    void theRightPasswordTakesOverANameHeldByASilentConnection() throws IOException {
        try (InProcessServer server = start(ChatSettings.defaults());
             ChatUser bob = ChatUser.join(server, "bob");
             ChatUser stale = ChatUser.join(server, "alice")) {
            assertThat(bob.next()).isEqualTo("* alice joined");
            try (ChatUser alice = ChatUser.join(server, "ALICE")) {
                assertThat(alice.welcome.get(0)).isEqualTo("* you are in the chat; online (2): bob, alice");
                assertThat(stale.client.readUntilClosed()).last().isEqualTo("* logged in elsewhere");
                assertThat(bob.next()).isEqualTo("* alice reconnected (the previous connection was closed)");
                alice.say("it is still me");
                assertThat(bob.next()).isEqualTo("<alice> it is still me");
                assertThat(((ChatServer) server.server()).room().onlineNames()).containsExactly("bob", "alice");
                assertThat(server.log().contains("alice (client-2) disconnected: logged in elsewhere (client-3)")).isTrue();
            }
        }
    }

    /**
     * A silent connection used to stay logged in for ever, holding a thread, a socket and a name.
     * Now it is told, and a while later dropped.
     */
    @Test
    void aSilentUserIsWarnedAndThenDisconnected() throws IOException {
        ChatSettings chat = ChatSettings.defaults().withIdleTimeout(Duration.ofMillis(300), Duration.ofMillis(200));
        try (InProcessServer server = start(chat);
             ChatUser alice = ChatUser.join(server, "alice")) {
            assertThat(alice.next()).isEqualTo("* idle for 300 ms: you will be disconnected in 200 ms unless you send a line");
            assertThat(alice.client.readUntilClosed()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.log().contains("alice (client-1) disconnected: idle for 500 ms"));
        }
    }

    @Test
    void aLineAfterTheWarningKeepsTheUser() throws IOException {
        ChatSettings chat = ChatSettings.defaults().withIdleTimeout(Duration.ofSeconds(3), Duration.ofSeconds(3));
        try (InProcessServer server = start(chat);
             ChatUser alice = ChatUser.join(server, "alice")) {
            assertThat(alice.next()).startsWith("* idle for 3 s");
            alice.say(""); // a blank line is enough
            // The count starts again: the next thing alice gets is a second warning, not the close.
            assertThat(alice.next()).startsWith("* idle for 3 s");
            assertThat(server.log().contains("disconnected: idle")).isFalse();
        }
    }

    /** A history reply is capped in bytes; the user is told with a {@code !} line how much follows. */
    @Test
    void aHistoryReplyIsCappedAndSaysSo() throws IOException {
        try (InProcessServer server = start(ChatSettings.defaults().withoutFloodLimit());
             ChatUser alice = ChatUser.join(server, "alice")) {
            String longText = "y".repeat(4000);
            for (int i = 0; i < 40; i++) {
                alice.say(i + " " + longText);
            }
            alice.say("/history 40");
            String refusal = alice.nextStartingWith("!");
            assertThat(refusal).startsWith("! the last 40 message(s) do not fit in one reply (64 KiB): showing the last ");
            int shown = Integer.parseInt(refusal.substring(refusal.lastIndexOf(' ') + 1));
            assertThat(alice.next()).isEqualTo("* last " + shown + " message(s):");
            for (int i = 40 - shown; i < 40; i++) {
                assertThat(alice.next()).contains("<alice> " + i + " y");
            }
        }
    }
}
