package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * One user stops reading while ten others talk. Its socket buffers fill, then its queue; it is
 * dropped with the reason in the log, and the ten get every message, in order, regardless. Only
 * outcomes are asserted, never speed.
 */
class SlowConsumerTest {
    private static final int ACTIVE = 10;
    private static final int PER_USER = 100;
    private static final String PAYLOAD = "x".repeat(1000);
    private static final String FILLER = "filler " + "y".repeat(3000); // big, to fill the stuck socket's buffers quickly

    @TempDir
    Path dataDir;

    @Test
    void aUserWhoNeverReadsIsDroppedAndDelaysNobody() throws Exception {
        // The default queue (1000 messages) holds a whole round, so an active user is never dropped
        // however the threads are scheduled; only one that stops reading for good is.
        ChatSettings chat = ChatSettings.defaults().withoutFloodLimit();
        try (InProcessServer server = InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                new ChatServer(config, log, AuthSettings.forTests(dataDir), chat, Threads.PLATFORM))) {
            TestClient stuckClient = TestClient.connect(server);
            stuckClient.socket().setReceiveBufferSize(4096);
            ChatUser stuck = ChatUser.join(stuckClient, "stuck"); // logs in, then never reads again
            List<Listener> active = new ArrayList<>();
            for (int i = 0; i < ACTIVE; i++) {
                active.add(new Listener(ChatUser.join(server, "user" + i)));
            }

            List<Thread> senders = new ArrayList<>();
            for (Listener listener : active) {
                Thread sender = new Thread(() -> {
                    try {
                        for (int k = 0; k < PER_USER; k++) {
                            listener.user().say(k + " " + PAYLOAD);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, "sender " + listener.user().name);
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join(TimeUnit.SECONDS.toMillis(30));
            }

            int expected = (ACTIVE - 1) * PER_USER;
            try {
                await().atMost(Duration.ofSeconds(40)).until(() -> active.stream().allMatch(l -> l.chatCount() >= expected));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("received: " + active.stream().map(Listener::chatCount).toList()
                        + "; log: " + server.log().lines().stream().filter(line -> line.contains("disconnected")).toList(), e);
            }

            // The system's socket buffers may still hold all that was sent to the stuck user: go on
            // until they and its queue are full, in batches the others have read before the next.
            ChatUser talker = active.get(0).user();
            for (int batch = 1; batch <= 200 && !dropped(server); batch++) {
                for (int i = 0; i < 100; i++) {
                    talker.say(FILLER);
                }
                int fillers = batch * 100;
                await().atMost(Duration.ofSeconds(20)).until(() -> active.stream().skip(1)
                        .allMatch(l -> l.chatCount() >= expected + fillers));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> dropped(server));
            await().atMost(Duration.ofSeconds(20)).until(() -> active.stream().allMatch(l -> l.lines().contains("* stuck left")));

            for (Listener listener : active) {
                List<String> round = listener.chat().stream().filter(line -> !line.contains("> filler ")).toList();
                assertThat(round).hasSize(expected);
                for (Listener sender : active) {
                    if (sender == listener) {
                        continue;
                    }
                    String prefix = "<" + sender.user().name + "> ";
                    List<Integer> numbers = round.stream().filter(line -> line.startsWith(prefix))
                            .map(line -> Integer.parseInt(line.substring(prefix.length()).split(" ")[0])).toList();
                    assertThat(numbers).as("%s from %s", listener.user().name, sender.user().name)
                            .hasSize(PER_USER).isSorted();
                }
                assertThat(listener.lines()).noneMatch(line -> line.startsWith("!"));
            }
            assertThat(((ChatServer) server.server()).room().onlineNames()).doesNotContain("stuck").hasSize(ACTIVE);
            stuck.close();
            for (Listener listener : active) {
                listener.user().close();
            }
        }
    }

    private static boolean dropped(InProcessServer server) {
        return server.log().contains("stuck (client-1) disconnected: outbound queue ");
    }
}
