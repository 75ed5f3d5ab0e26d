package labs.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * The echo load: N connections, each sends a request, waits for its echo, checks it byte for
 * byte, and sends the next at once (a closed loop). One thread drives every connection with a
 * selector, so the generator needs no thread per connection of its own.
 * <pre>
 *   connect  all N, at most WINDOW at a time (a connection storm is not what this measures),
 *            each with one round trip, so that the server has taken every client on
 *   warm-up  everybody sends; nothing is recorded (the JIT compiles the server's hot paths)
 *   measure  replies to requests sent in this window are counted and their latency recorded
 * </pre>
 * A request (or connect) unanswered for {@code timeout} is counted and its connection given up:
 * that is what bounds a run against lab 1, which serves one client at a time.
 *
 * <p>Thread safety: confined to the thread that calls {@link #run}.
 */
final class EchoLoad {
    private static final int WINDOW = 100;
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(5);

    /**
     * How a run is shaped; the same for every server.
     *
     * @param rounds how many times each server is measured at each load; the report keeps the best
     *               round, since on a shared machine other programs' load only ever slows a run down
     */
    record Settings(int payloadBytes, Duration warmup, Duration measure, Duration timeout, int rounds) {
    }

    private final Settings settings;
    private final Histogram answered = LatencySummary.newHistogram();
    private final List<Long> unanswered = new ArrayList<>();
    private final List<EchoConnection> all = new ArrayList<>();
    private long damaged;
    private int open;
    private long nextTimeoutScan;

    EchoLoad(Settings settings) {
        this.settings = settings;
    }

    EchoResult run(ServerProcess server, int clients) throws IOException {
        try (Selector selector = Selector.open()) {
            connectAll(selector, server.address(), clients);
            long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
            long end = warmupEnd + settings.measure().toNanos();
            for (EchoConnection c : all) {
                if (c.isReady()) {
                    c.start(selector);
                } else if (c.isOpen()) {
                    unanswered.add(c.waitingSince(System.nanoTime())); // still not served: given up
                    c.close();
                    open--;
                }
            }
            loop(selector, warmupEnd, 0);
            CpuMeter serverCpu = server.cpuMeter();
            CpuMeter ownCpu = CpuMeter.ofThisProcess();
            serverCpu.start();
            ownCpu.start();
            long switchesBefore = server.contextSwitches();
            loop(selector, end, warmupEnd);
            double serverCores = serverCpu.coresSinceStart();
            double ownCores = ownCpu.coresSinceStart();
            long switchesAfter = server.contextSwitches();
            long switches = switchesBefore >= 0 && switchesAfter >= 0 ? switchesAfter - switchesBefore : -1;
            int served = (int) all.stream().filter(c -> c.replies() > 0).count();
            return new EchoResult(server.contender().label(), clients, served, answered.getTotalCount(),
                    settings.measure().toNanos() / 1e9, summarize(), unanswered.size(), damaged, serverCores, ownCores, switches);
        } finally {
            all.forEach(EchoConnection::close);
        }
    }

    private void connectAll(Selector selector, InetSocketAddress server, int clients) throws IOException {
        long deadline = System.nanoTime() + CONNECT_LIMIT.toNanos();
        int ready = 0;
        while (ready + unanswered.size() + damaged < clients && System.nanoTime() < deadline) {
            while (all.size() < clients && all.size() - ready - unanswered.size() - damaged < WINDOW) {
                all.add(EchoConnection.open(selector, server, all.size(), settings.payloadBytes()));
                open++;
            }
            ready += step(selector, System.nanoTime() + 10_000_000, Long.MAX_VALUE);
        }
        for (int never = all.size(); never < clients; never++) {
            unanswered.add(CONNECT_LIMIT.toNanos()); // never even tried: the ones before it still wait
        }
    }

    /** Runs the loop until {@code until}; replies to requests sent after {@code recordFrom} are recorded. */
    private void loop(Selector selector, long until, long recordFrom) throws IOException {
        for (long now = System.nanoTime(); now < until && open > 0; now = System.nanoTime()) {
            step(selector, Math.min(until, now + 10_000_000), recordFrom == 0 ? Long.MAX_VALUE : recordFrom);
        }
    }

    /** One selector round and, every 10 ms, a timeout scan; returns how many connections became ready. */
    private int step(Selector selector, long until, long recordFrom) throws IOException {
        int ready = 0;
        selector.select(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        for (SelectionKey key : selector.selectedKeys()) {
            EchoConnection c = (EchoConnection) key.attachment();
            switch (c.onReady(key, System.nanoTime())) {
                case READY -> ready++;
                case REPLY -> {
                    if (c.lastSentAt() >= recordFrom) {
                        answered.recordValue(c.lastLatency());
                    }
                }
                case BROKEN -> {
                    damaged++;
                    open--;
                }
                case NOTHING -> { }
            }
        }
        selector.selectedKeys().clear();
        long now = System.nanoTime();
        if (now < nextTimeoutScan) {
            return ready;
        }
        nextTimeoutScan = now + 10_000_000; // every 10 ms is precise enough for timeouts of seconds
        for (EchoConnection c : all) {
            long waited = c.waitingSince(now);
            if (waited > settings.timeout().toNanos()) {
                unanswered.add(waited);
                c.close();
                open--;
            }
        }
        return ready;
    }

    private LatencySummary summarize() {
        Histogram all = answered.copy();
        long pace = answered.getTotalCount() == 0 ? 0 : answered.getValueAtPercentile(50);
        for (long wait : unanswered) {
            LatencySummary.recordUnanswered(all, wait, pace);
        }
        return LatencySummary.of(all);
    }

    static void setNoDelay(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    static InetSocketAddress checkLoopback(InetSocketAddress address) {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the benchmarks load 127.0.0.1 only, not " + address);
        }
        return address;
    }
}
