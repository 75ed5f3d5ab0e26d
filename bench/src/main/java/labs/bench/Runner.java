package labs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Carries out a {@link Plan}: every server in a fresh process for every run, one run after the
 * other (never two at once: they would share the two cores), and a line of progress for each.
 *
 * <p>Thread safety: confined to the thread that calls {@link #run}.
 */
final class Runner {
    /** How long a standard run waits for the machine to become quiet: the build just before it raises the load too. */
    static final Duration SETTLE = Duration.ofSeconds(90);

    private final PrintStream out;
    private final Supplier<LoadAverage> load;
    private final Duration settle;
    private final Set<String> notes = new LinkedHashSet<>();

    Runner(PrintStream out) {
        this(out, LoadAverage::current, SETTLE);
    }

    /** @param load where the load average comes from; tests give a made-up one */
    Runner(PrintStream out, Supplier<LoadAverage> load, Duration settle) {
        this.out = out;
        this.load = load;
        this.settle = settle;
    }

    Results run(Plan plan) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (plan.kind() == Plan.Kind.STANDARD) {
            awaitQuiet(plan, cores);
        }
        Instant started = Instant.now();
        Standing standing = new Standing(plan.kind(), plan.force(), load.get(), cores);
        out.println("load average before: " + standing.before() + " (1, 5, 15 min)");
        if (standing.refused()) {
            out.println("not a standard run: the 1-minute load average is above half the cores (" + standing.limitText()
                    + "); the page will say so (--force calls it standard anyway)");
        }
        List<EchoResult> echo = new ArrayList<>();
        List<EchoResult> echoRounds = new ArrayList<>();
        List<Contender> echoServers = available(plan.echoServers());
        for (int round = 1; round <= plan.echo().rounds(); round++) {
            for (int clients : plan.clients()) {         // servers side by side at each load: a change in the
                for (Contender server : echoServers) {   // machine's other load then hits them alike
                    EchoResult r = attempt("echo " + server.key() + " x" + clients, () -> {
                        try (ServerProcess process = ServerProcess.start(server, List.of())) {
                            return new EchoLoad(plan.echo()).run(process, clients);
                        }
                    });
                    if (r != null) {
                        keepBest(echo, r);
                        echoRounds.add(r);
                        out.println(Report.echoLine(r) + (plan.echo().rounds() > 1 ? "  (round " + round + ")" : ""));
                    }
                }
            }
        }
        List<HoldResult> hold = new ArrayList<>();
        for (Contender server : available(plan.holdServers())) {
            HoldResult r = attempt("hold " + server.key(), () -> {
                try (ServerProcess process = ServerProcess.start(server, List.of())) {
                    return HoldBench.run(process, plan.connections());
                }
            });
            if (r != null) {
                hold.add(r);
                Report.holdLines(r).forEach(out::println);
            }
        }
        List<ChatResult> chat = new ArrayList<>();
        for (Contender server : available(plan.chatServers())) {
            for (ChatLoad.Settings settings : plan.chat()) {
                ChatResult r = attempt("chat " + server.key() + " rate " + settings.rate(), () -> runChat(server, settings));
                if (r != null) {
                    chat.add(r);
                    out.println(Report.chatLine(r));
                }
            }
        }
        LoadAverage loadAfter = load.get();
        out.println("load average after: " + loadAfter);
        return new Results(Machine.current(), started, Duration.between(started, Instant.now()), standing, loadAfter,
                echo, echoRounds, hold, chat, List.copyOf(notes));
    }

    /** Waits, up to {@link #settle}, for the 1-minute load average to fall to half the cores or below. */
    private void awaitQuiet(Plan plan, int cores) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        Standing now = new Standing(plan.kind(), plan.force(), load.get(), cores);
        while (now.before().known() && !now.quiet() && System.nanoTime() < deadline) {
            out.println("waiting for a quiet machine: load average " + now.before() + ", at most " + now.limitText() + " wanted");
            TimeUnit.SECONDS.sleep(10);
            now = new Standing(plan.kind(), plan.force(), load.get(), cores);
        }
    }

    /** Adds {@code r}, or replaces an earlier round of the same server and load that had fewer round trips. */
    static void keepBest(List<EchoResult> results, EchoResult r) {
        for (int i = 0; i < results.size(); i++) {
            EchoResult earlier = results.get(i);
            if (earlier.server().equals(r.server()) && earlier.clients() == r.clients()) {
                if (r.roundTripsPerSecond() > earlier.roundTripsPerSecond()) {
                    results.set(i, r);
                }
                return;
            }
        }
        results.add(r);
    }

    private ChatResult runChat(Contender server, ChatLoad.Settings settings) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("bench-chat-");
        try (ServerProcess process = ServerProcess.start(server, chatArgs(server, dataDir))) {
            try {
                return ChatLoad.run(process, settings);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + "; the server's last lines:\n  " + process.lastOutput(), e);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lab 4 with a throwaway data dir, cheap password hashing and no flood limit (the load floods on purpose). */
    static List<String> chatArgs(Contender server, Path dataDir) {
        return server.isLab4()
                ? List.of("--data-dir", dataDir.toString(), "--iterations", "1000", "--flood-rate", "0",
                        // every simulated user registers from 127.0.0.1: lab 3's per-address limit would refuse most
                        "--register-burst", "0")
                : List.of();
    }

    private List<Contender> available(List<Contender> wanted) {
        List<Contender> result = new ArrayList<>();
        for (Contender c : wanted) {
            String why = c.whyUnavailable();
            if (why == null) {
                result.add(c);
            } else if (notes.add(c.label() + " skipped: " + why)) {
                out.println(c.label() + " skipped: " + why);
            }
        }
        return result;
    }

    /** One run; a server that fails to start or a run that breaks becomes a note, and the others go on. */
    private <T> T attempt(String what, Measurement<T> measurement) throws InterruptedException {
        try {
            return measurement.run();
        } catch (IOException | RuntimeException e) {
            String note = what + " failed: " + e.getMessage();
            notes.add(note);
            out.println(note);
            if (Boolean.getBoolean("bench.debug")) {
                e.printStackTrace(out); // -Dbench.debug=true: the whole story of a failed run
            }
            return null;
        }
    }

    @FunctionalInterface
    private interface Measurement<T> {
        T run() throws IOException, InterruptedException;
    }
}
