package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of waiting the {@code threads} view names, made real in a thread of this JVM and
 * then looked for in the view: a lock held by another thread, a queue's take, a socket read,
 * an accept. Every wait is bounded: latches and sockets are released in {@link #release}.
 */
class ThreadViewTest {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object lock = new Object();
    private ServerSocket listener;
    private Socket client;

    @AfterEach
    void release() throws IOException {
        done.countDown();
        if (client != null) {
            client.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    private static String lineOf(String threadName) {
        return ThreadView.lines().stream().filter(line -> line.startsWith("  " + threadName + " ")).findFirst().orElse("");
    }

    private static String awaitLine(String threadName, String expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lineOf(threadName).contains(expected));
        return lineOf(threadName);
    }

    private Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aThreadBlockedOnALockShowsTheLockAndItsOwner() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        start("view-holder", () -> {
            synchronized (lock) {
                held.countDown();
                awaitQuietly(done);
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        start("view-blocked", () -> {
            synchronized (lock) {
                done.countDown();
            }
        });
        assertThat(awaitLine("view-blocked", "BLOCKED"))
                .contains("blocked on lock java.lang.Object@" + Integer.toHexString(System.identityHashCode(lock)))
                .contains("held by \"view-holder\"");
        assertThat(lineOf("view-holder")).contains("WAITING").contains("CountDownLatch");
    }

    @Test
    void aThreadTakingFromAnEmptyQueueShowsTheQueue() {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        start("view-taker", () -> {
            try {
                queue.poll(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(awaitLine("view-taker", "queue")).contains("TIMED_WAITING").contains("waiting on a queue: LinkedBlockingQueue.poll()");
        queue.add("wake up");
    }

    @Test
    void aThreadInAcceptAndAThreadInASocketReadAreNamedSo() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("view-acceptor", () -> {
            try (Socket accepted = listener.accept(); InputStream in = accepted.getInputStream()) {
                in.read(); // the client never writes: this thread waits here until the test ends
            } catch (IOException closedByTheTest) {
                // release() closed the socket
            }
        });
        assertThat(awaitLine("view-acceptor", "accept")).contains("RUNNABLE").contains("in accept(): waiting for a connection");
        client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        assertThat(awaitLine("view-acceptor", "socket read")).contains("in a socket read: waiting for the client's bytes");
    }

    @Test
    void onTheChatServerItShowsTheAcceptorTheClientReadersAndTheirWriters(@TempDir Path dataDir) throws Exception {
        try (InProcessOperated server = InProcessOperated.start(dataDir);
             ChatUser alice = ChatUser.register(server, "alice");
             ChatUser bob = ChatUser.register(server, "bob")) {
            // A moment's picture: bob's thread may still be finishing his join (logging it, broadcasting
            // it) when his welcome reaches him, so look again until everybody has settled.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.answerTo("threads"))
                    .containsPattern("acceptor +RUNNABLE +in accept\\(\\): waiting for a connection")
                    .containsPattern("client-1 127\\.0\\.0\\.1:\\d+ +RUNNABLE +in a socket read")
                    .containsPattern("client-2 127\\.0\\.0\\.1:\\d+ +RUNNABLE +in a socket read")
                    .containsPattern("client-1 writer +WAITING +waiting on a queue: \\w+Queue\\.take\\(\\)")
                    .containsPattern("chat idle watch +TIMED_WAITING +sleeping"));
        }
    }

    @Test
    void theFirstLineCountsTheThreadsAndSummarisesTheJvmsOwn() {
        List<String> lines = ThreadView.lines();
        assertThat(lines.get(0)).matches("\\d+ thread\\(s\\); \\d+ of them the JVM's own: .*Reference Handler.*");
        assertThat(lines).anyMatch(line -> line.startsWith("  " + Thread.currentThread().getName() + " ") && line.contains("running"));
        assertThat(ThreadView.lines()).noneMatch(line -> line.startsWith("  Reference Handler"));
    }
}
