package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This lab's server run by its own {@code main} code in a thread of the test's JVM: the
 * command line is real, standard input is a pipe the test types into, and Ctrl+C is a stand-in
 * for the JVM's shutdown hooks that the test can fire.
 */
final class InProcessOperated implements OperatedServer {
    private static final Pattern LISTENING = Pattern.compile("listening on ([^\\s:]+):(\\d+)");

    private final Path dataDir;
    private final Set<Thread> threadsBefore;
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final Transcript out = new Transcript();
    private final Transcript err = new Transcript();
    private final Hooks hooks = new Hooks();
    private final AtomicInteger exitCode = new AtomicInteger(Integer.MIN_VALUE);
    private final Thread console;
    private String host;
    private int port;

    private InProcessOperated(Path dataDir, List<String> args) throws IOException {
        this.dataDir = dataDir;
        this.threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
        PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        String[] argv = args.toArray(String[]::new);
        console = new Thread(() -> exitCode.set(ControlledChatServer.run(argv, in, out.printStream(), err.printStream(), hooks)),
                "operator-console");
    }

    /** Starts the server with test settings (cheap hashing, no flood limit) plus {@code extraArgs}. */
    static InProcessOperated start(Path dataDir, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(),
                "--iterations", "1000", "--flood-rate", "0"));
        args.addAll(List.of(extraArgs));
        InProcessOperated server = new InProcessOperated(dataDir, args);
        server.console.start();
        Matcher listening = await().atMost(ANSWER_TIMEOUT).until(() -> LISTENING.matcher(server.output()),
                matcher -> matcher.find() || !server.console.isAlive());
        assertThat(server.console.isAlive()).as("server started; printed: %s %s", server.output(), server.err.text()).isTrue();
        server.host = listening.group(1);
        server.port = Integer.parseInt(listening.group(2));
        return server;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public String output() {
        return out.text();
    }

    /** The event log as printed to standard error. */
    String errors() {
        return err.text();
    }

    Path logFile() {
        return dataDir.resolve(ControlledChatServer.LOG_FILE_NAME);
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    /** Runs the shutdown hook as the JVM would; the JVM would then end, so the console's input ends too. */
    @Override
    public void pressCtrlC() throws IOException {
        hooks.fire();
        endInput();
    }

    @Override
    public int awaitExit(Duration limit) throws InterruptedException {
        console.join(limit.toMillis());
        assertThat(console.isAlive()).as("the console thread ended within " + limit).isFalse();
        return exitCode.get();
    }

    /** Threads started since this server was, still alive, that would keep a JVM from exiting. */
    List<Thread> leftoverThreads() {
        List<Thread> left = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.isDaemon() && !threadsBefore.contains(thread) && thread != Thread.currentThread()) {
                left.add(thread);
            }
        }
        return left;
    }

    @Override
    public void close() throws Exception {
        if (console.isAlive()) {
            pressCtrlC();
            awaitExit(Duration.ofSeconds(20));
        }
    }

    /** Holds the Ctrl+C hook instead of the JVM, and runs it when told. */
    static final class Hooks implements ShutdownHooks {
        private volatile Thread hook;
        private volatile boolean removed;

        @Override
        public void add(Thread hook) {
            this.hook = hook;
        }

        @Override
        public void remove(Thread hook) {
            removed = true;
        }

        void fire() {
            Thread registered = hook;
            if (registered != null && !removed) {
                registered.start();
                try {
                    registered.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
