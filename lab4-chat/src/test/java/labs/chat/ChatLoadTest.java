package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.common.ServerConfig;
import labs.common.testing.InProcessServer;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * Correctness under load (the bench module measures speed): 200 users logged in through the
 * real protocol, 20 of them sending 100 messages each at once. Every message reaches every other
 * user exactly once, and all users see them in one and the same order.
 */
class ChatLoadTest {
    private static final int USERS = 200;
    private static final int SENDERS = 20;
    private static final int PER_SENDER = 100;

    @TempDir
    Path dataDir;

    @Test
    void everyMessageReachesEveryOtherUserOnceInOneOrder() throws Exception {
        // Queues that can hold the whole round: this test is about order and delivery, and a user
        // must not be dropped just because the scheduler let its writer thread wait a while.
        ChatSettings chat = ChatSettings.defaults().withoutFloodLimit().withOutboundQueueLimit(SENDERS * PER_SENDER + USERS);
        try (InProcessServer server = InProcessServer.start(ServerConfig.anyFreePort().withMaxClients(USERS + 10),
                (config, log) -> new ChatServer(config, log, AuthSettings.forTests(dataDir), chat, Threads.PLATFORM))) {
            // Log in ten at a time: the logins are real, but need not wait for each other.
            ExecutorService logins = Executors.newFixedThreadPool(10);
            List<Future<Listener>> joining = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String name = "user" + i;
                joining.add(logins.submit(() -> new Listener(ChatUser.join(server, name))));
            }
            List<Listener> users = new ArrayList<>();
            for (Future<Listener> user : joining) {
                users.add(user.get(40, TimeUnit.SECONDS));
            }
            logins.shutdown();

            CountDownLatch start = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                ChatUser sender = users.get(s).user();
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        for (int k = 0; k < PER_SENDER; k++) {
                            sender.say("m" + k);
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, "sender " + sender.name);
                thread.start();
                senders.add(thread);
            }
            start.countDown();
            for (Thread thread : senders) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }

            int all = SENDERS * PER_SENDER;
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (int i = 0; i < USERS; i++) {
                    if (users.get(i).chatCount() < (i < SENDERS ? all - PER_SENDER : all)) {
                        return false;
                    }
                }
                return true;
            });

            List<String> reference = users.get(USERS - 1).chat(); // a listener who sent nothing saw everything
            assertThat(reference).hasSize(all).doesNotHaveDuplicates();
            for (int i = 0; i < USERS; i++) {
                String own = "<user" + i + "> ";
                List<String> expected = reference.stream().filter(line -> !line.startsWith(own)).toList();
                assertThat(users.get(i).chat()).as("what user%d received", i).isEqualTo(expected);
                assertThat(users.get(i).lines()).as("errors sent to user%d", i).noneMatch(line -> line.startsWith("!"));
            }
            for (int s = 0; s < SENDERS; s++) {
                String prefix = "<user" + s + "> m";
                assertThat(reference.stream().filter(line -> line.startsWith(prefix))
                        .map(line -> Integer.parseInt(line.substring(prefix.length()))).toList()).isSorted().hasSize(PER_SENDER);
            }
            assertThat(((ChatServer) server.server()).room().messagesAccepted()).isEqualTo(all);
            for (Listener user : users) {
                user.user().close();
            }
        }
    }
}
