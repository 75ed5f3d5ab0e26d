package labs.bench;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * The chat load: N users online, K of them send M messages each (at a set rate, or as fast as
 * the room delivers them, each sender a few messages ahead of the deliveries: see {@link SendWindow}),
 * and every user checks what it receives. Every message must reach every other user
 * exactly once and intact. A warm-up round of messages goes first and is not measured, as the
 * echo load warms up too.
 *
 * <p>Thread safety. Threads: the caller (sets up, waits, sums up), one reader thread that reads
 * every user's socket through a selector (a thread per user would cost the generator a context
 * switch per delivery; it also wakes senders whose window has room), and one sender thread per sender. Each {@link ChatUser}'s argument is in
 * its class comment; the caller reads a user's totals only after joining the reader thread.
 */
final class ChatLoad {
    /**
     * One chat run.
     *
     * @param users    users online
     * @param senders  users who send
     * @param rate     messages a second per sender; 0 = as fast as the room delivers them (a {@link SendWindow})
     * @param messages messages per sender
     */
    record Settings(int users, int senders, int rate, int messages) {
        /** Messages each sender sends first, unmeasured, while the server's JIT compiles: about a second's worth. */
        int warmUpMessages() {
            return rate > 0 ? rate : Math.min(200, messages);
        }

        /** Deliveries that one run should make: every message to every user but its sender. */
        long deliveries() {
            return (long) senders * messages * (users - 1);
        }

        /**
         * Issue 11's loads, and more rates in the room of 100 for the chart of p99 against the
         * offered rate: each paced run sends for 3 s, the run at the highest rate 1,000 messages each.
         */
        static List<Settings> standard() {
            return List.of(paced(100, 10, 10, 3), paced(100, 10, 30, 3), paced(100, 10, 100, 3), paced(100, 10, 200, 3),
                    new Settings(100, 10, 0, 1000), paced(1000, 10, 10, 3));
        }

        /** The room of 100 for a second at two rates and briefly at the highest: enough to check the targets' wiring. */
        static List<Settings> quick() {
            return List.of(paced(100, 10, 30, 1), paced(100, 10, 100, 1), new Settings(100, 10, 0, 100));
        }

        private static Settings paced(int users, int senders, int rate, int seconds) {
            return new Settings(users, senders, rate, rate * seconds);
        }
    }

    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);
    /**
     * Messages a sender may have on their way in the max-rate run ({@link SendWindow}): 10 senders
     * keep at most 640 messages unread per user, under lab 4's limit of 1,000 queued.
     */
    private static final int WINDOW = 64;
    private static final long SEND_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private ChatLoad() {
    }

    static ChatResult run(ServerProcess server, Settings s) throws IOException, InterruptedException {
        boolean login = server.contender().isLab4();
        ChatTally tally = new ChatTally(s.senders());
        SendWindow window = new SendWindow(tally, s.senders(), WINDOW, s.users() - 1);
        List<ChatUser> users = new ArrayList<>();
        ReaderThread reader = null;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < s.users(); i++) {
                ChatUser user = new ChatUser(server.address(), s.senders(), s.warmUpMessages(), tally);
                users.add(user);
                if (login) {
                    user.login("u" + i);
                }
                user.register(selector);
            }
            reader = new ReaderThread(selector, window);
            reader.start();
            awaitJoins(users.get(0), s.users() - 1);
            int warmUp = s.warmUpMessages();
            long perMessage = (long) s.senders() * (s.users() - 1); // deliveries of one round of messages
            sendPhase(users, s, window, 0, warmUp);                  // not measured: the server's JIT warms up
            awaitDeliveries(tally.arrived, perMessage * warmUp);
            long damagedInWarmUp = tally.damaged.get();
            long duplicatedInWarmUp = tally.duplicated.get();
            CpuMeter serverCpu = server.cpuMeter();
            CpuMeter ownCpu = CpuMeter.ofThisProcess();
            serverCpu.start();
            ownCpu.start();
            long switchesBefore = server.contextSwitches();
            long started = System.nanoTime();
            sendPhase(users, s, window, warmUp, warmUp + s.messages());
            long expected = perMessage * s.messages();
            long lastChange = awaitDeliveries(tally.arrived, perMessage * (warmUp + s.messages()));
            double serverCores = serverCpu.coresSinceStart();
            double ownCores = ownCpu.coresSinceStart();
            long serverNanos = serverCpu.nanosSinceStart();
            long switchesAfter = server.contextSwitches();
            long switches = switchesBefore >= 0 && switchesAfter >= 0 ? switchesAfter - switchesBefore : -1;
            reader.finish();
            Histogram latency = LatencySummary.newHistogram();
            users.forEach(user -> latency.add(user.latency()));
            return new ChatResult(server.contender().label(), s.users(), s.senders(), s.messages(), s.rate(),
                    expected, tally.delivered.get(), tally.duplicated.get() - duplicatedInWarmUp,
                    tally.damaged.get() - damagedInWarmUp, (lastChange - started) / 1e9,
                    LatencySummary.of(latency), serverCores, ownCores, serverNanos, switches,
                    server.slowDrops());
        } finally {
            if (reader != null) {
                reader.finish();
            }
            users.forEach(ChatUser::close);
        }
    }

    /**
     * The senders send messages {@code from} to {@code to} each, at the set rate (from now) or as
     * fast as they can; returns once every sender is done, or after a minute at most.
     */
    private static void sendPhase(List<ChatUser> users, Settings s, SendWindow window, int from, int to)
            throws InterruptedException {
        long started = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int k = 0; k < s.senders(); k++) {
            ChatUser sender = users.get(k);
            int index = k;
            Thread t = new Thread(() -> sendAll(sender, index, s.rate(), window, from, to, started), "chat-sender-" + k);
            t.setDaemon(true);
            t.start();
            senders.add(t);
        }
        long deadline = System.nanoTime() + SEND_LIMIT_NANOS;
        for (Thread t : senders) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                t.interrupt(); // a server that stopped reading: give up, what was not sent counts as missing
                t.join(1000);
            }
        }
    }

    private static void sendAll(ChatUser sender, int index, int rate, SendWindow window, int from, int to, long started) {
        try {
            for (int n = from; n < to; n++) {
                if (rate == 0) {
                    if (!window.awaitRoom(index, n, QUIET_NANOS)) {
                        return; // nothing of this sender's arrives any more: the rest counts as missing
                    }
                } else {
                    long due = started + (n - from) * 1_000_000_000L / rate;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                sender.send(new ChatMessage(index, n, System.nanoTime()).text());
            }
        } catch (IOException e) {
            // The server dropped this sender; its unsent messages show up as missing.
        } catch (InterruptedException e) {
            // sendPhase gave up on this sender after a minute; its unsent messages show up as missing.
        }
    }

    private static void awaitJoins(ChatUser first, long others) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.joinsSeen() < others) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + first.joinsSeen() + " of " + others + " users joined in 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /**
     * Waits until {@code expected} message lines have arrived (intact or not), or none arrived for
     * 3 s; returns when the last one came. The senders are done when this is called.
     */
    private static long awaitDeliveries(AtomicLong arrived, long expected) throws InterruptedException {
        long seen = -1;
        long lastChange = System.nanoTime();
        while (arrived.get() < expected) {
            long now = System.nanoTime();
            long count = arrived.get();
            if (count != seen) {
                seen = count;
                lastChange = now;
            } else if (now - lastChange > QUIET_NANOS) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return arrived.get() >= expected ? System.nanoTime() : lastChange;
    }

    /** Reads every user's socket until {@link #finish}; one thread, one selector. */
    private static final class ReaderThread extends Thread {
        private final Selector selector;
        private final SendWindow window;
        private volatile boolean finished;

        ReaderThread(Selector selector, SendWindow window) {
            super("chat-reader");
            this.selector = selector;
            this.window = window;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!finished) {
                    selector.select(100);
                    long now = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        ((ChatUser) key.attachment()).readReady(key, now);
                    }
                    selector.selectedKeys().clear();
                    window.wakeWaiting();
                }
            } catch (IOException e) {
                // The selector broke: the run ends with what was counted so far.
            }
        }

        void finish() throws InterruptedException {
            finished = true;
            selector.wakeup();
            join(5000);
        }
    }
}
