package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.common.testing.ServerUnderTest;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * Lab 4's chat through its socket only, so the same tests grade any program:
 * {@code mvn -pl lab4-chat -am test -Dtest=ChatConformanceTest -Dlab.server.command="..."}.
 * Login follows lab 3's prompts; names are registered on first use.
 */
class ChatConformanceTest {
    @TempDir
    Path dataDir;
    private ServerUnderTest server;

    @BeforeEach
    void startServer() throws IOException {
        server = ServerUnderTest.startDefault((config, log) ->
                new ChatServer(config, log, AuthSettings.forTests(dataDir), ChatSettings.defaults(), Threads.PLATFORM));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void aMessageReachesEveryOtherUserAndNeverItsSender() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob");
             ChatUser carol = ChatUser.join(server, "carol")) {
            alice.say("hello, all");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> hello, all");
            assertThat(carol.nextStartingWith("<")).isEqualTo("<alice> hello, all");
            assertThat(alice.sync()).noneMatch(line -> line.contains("hello, all"));
        }
    }

    @Test
    void joinsAndLeavesAreAnnouncedWhicheverWayAUserLeaves() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice")) {
            ChatUser bob = ChatUser.join(server, "bob");
            assertThat(alice.next()).isEqualTo("* bob joined");
            bob.say("/quit");
            assertThat(bob.client.readUntilClosed()).contains("* bye, bob");
            assertThat(alice.next()).isEqualTo("* bob left");

            ChatUser carol = ChatUser.join(server, "carol");
            assertThat(alice.next()).isEqualTo("* carol joined");
            carol.close();
            assertThat(alice.next()).isEqualTo("* carol left");

            ChatUser dave = ChatUser.join(server, "dave");
            assertThat(alice.next()).isEqualTo("* dave joined");
            dave.sendRaw("half a li");
            dave.client.abort();
            assertThat(alice.next()).isEqualTo("* dave left");
        }
    }

    @Test
    void aNewcomerSeesWhoIsOnlineAndTheRecentHistory() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice")) {
            assertThat(alice.welcome).anyMatch(line -> line.startsWith("*") && line.contains("alice"));
            alice.say("first");
            alice.say("second");
            alice.sync();
            try (ChatUser bob = ChatUser.join(server, "bob")) {
                String welcome = String.join("\n", bob.welcome);
                assertThat(welcome).contains("alice").contains("bob").contains("<alice> first").contains("<alice> second");
                assertThat(welcome.indexOf("<alice> first")).isLessThan(welcome.indexOf("<alice> second"));
            }
        }
    }

    @Test
    void aSecondLoginWithANameOnlineTakesItOverAndTheFirstIsToldAndClosed() throws IOException {
        try (ChatUser first = ChatUser.join(server, "alice");
             ChatUser second = ChatUser.join(server, "ALICE")) {
            assertThat(second.welcome.get(0)).contains("online (1)");
            assertThat(first.client.readUntilClosed()).last().isEqualTo("* logged in elsewhere");
            assertThat(second.sync()).last().asString().contains("online (1)");
        }
    }

    @Test
    void commandsAnswerOnlyTheirUserAndMistakesKeepTheConnection() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob");
             ChatUser carol = ChatUser.join(server, "carol")) {
            alice.say("/nonsense");
            assertThat(alice.nextStartingWith("!")).contains("/nonsense");
            alice.say("/msg bob meet me at five");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice (private)> meet me at five");
            alice.say("/msg zed hello");
            assertThat(alice.nextStartingWith("!")).contains("zed");
            alice.say("");
            alice.say("    ");
            alice.say("public");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> public");
            assertThat(carol.nextStartingWith("<")).isEqualTo("<alice> public"); // the private one never came
            alice.say("/history 1");
            assertThat(alice.nextStartingWith("* last")).isEqualTo("* last 1 message(s):");
            assertThat(alice.next()).endsWith("<alice> public");
            alice.say("/help");
            assertThat(alice.client.readUntil("*   /help")).anyMatch(line -> line.contains("/msg"));
        }
    }

    @Test
    void anOverLongLineIsAnErrorAndTheConnectionStaysUsable() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob")) {
            alice.say("x".repeat(10_000));
            assertThat(alice.nextStartingWith("!")).contains("too long");
            alice.say("short");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> short");
        }
    }

    @Test
    void controlCharactersAndInvalidBytesAreNeverRelayedRaw() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob")) {
            alice.sendRaw("\u001b[2J\u001b[31mred\u0007\u0000\n");
            alice.client.sendRaw(new byte[] {'x', (byte) 0xFF, (byte) 0xFE, '\n'});
            String first = bob.nextStartingWith("<");
            String second = bob.nextStartingWith("<");
            assertThat(first + second).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f\\x80-\\x9f]");
            assertThat(first).startsWith("<alice> ").contains("red");
            assertThat(second).startsWith("<alice> x");
        }
    }

    @Test
    void aLineInPiecesIsOneMessageAndSeveralLinesInOneWriteAreSeveral() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob")) {
            Socket socket = alice.client.socket();
            socket.setTcpNoDelay(true);
            alice.sendRaw("hel");
            alice.sendRaw("lo\nsecond line\nthird");
            alice.sendRaw(" line\n");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> hello");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> second line");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> third line");
        }
    }

    @Test
    void aConnectionThatHasNotLoggedInGetsNoChat() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "alice");
             ChatUser bob = ChatUser.join(server, "bob");
             TestClient stranger = TestClient.connect(server)) {
            stranger.readUntil("? name");
            alice.say("not for strangers");
            assertThat(bob.nextStartingWith("<")).isEqualTo("<alice> not for strangers");
            stranger.send("/quit");
            assertThat(stranger.readUntilClosed()).noneMatch(line -> line.contains("not for strangers"));
        }
    }

    @Test
    void cyrillicNamesAndTextWork() throws IOException {
        try (ChatUser alice = ChatUser.join(server, "Алиса");
             ChatUser bob = ChatUser.join(server, "bob")) {
            alice.client.sendRaw("Привет 😀\n".getBytes(StandardCharsets.UTF_8));
            assertThat(bob.nextStartingWith("<")).isEqualTo("<Алиса> Привет 😀");
        }
    }
}
