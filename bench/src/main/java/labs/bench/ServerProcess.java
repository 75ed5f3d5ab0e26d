package labs.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import labs.common.testing.ProcessServer;

/**
 * A server under test running in a process of its own, so that its memory, threads and CPU are
 * its alone and nothing of one run (a stuck lab 1, a grown heap) leaks into the next.
 *
 * <p>Thread safety. Threads: the runner, and one "drain" thread that reads the child's output (a
 * child whose pipe nobody reads blocks once the pipe is full, and the labs log every connection).
 * {@code port} is a CompletableFuture, thread-safe by design; {@code lastLines} is guarded by
 * itself; {@code slowDrops} is an AtomicInteger; the rest is final.
 */
final class ServerProcess implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final String SLOW_DROP = "disconnected: outbound queue";
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)", Pattern.CASE_INSENSITIVE);

    private final Contender contender;
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>(); // guarded by lastLines
    private final AtomicInteger slowDrops = new AtomicInteger();

    private ServerProcess(Contender contender, List<String> command, List<String> args) throws IOException {
        this.contender = contender;
        List<String> full = new ArrayList<>(command);
        full.addAll(args);
        this.process = new ProcessBuilder(full).redirectErrorStream(true).start();
        Thread drain = new Thread(() -> drain(process.getInputStream()), "drain-" + contender.name().toLowerCase());
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts the contender on a free port of 127.0.0.1 and returns once it accepts connections. */
    static ServerProcess start(Contender contender, List<String> serverArgs) throws IOException {
        ServerProcess server;
        if (contender.isJava()) {
            List<String> args = new ArrayList<>(List.of("--host", HOST, "--port", "0", "--quiet",
                    "--max-clients", Integer.toString(Contender.MAX_CLIENTS)));
            args.addAll(contender.extraArgs());
            args.addAll(serverArgs);
            server = new ServerProcess(contender, javaCommand(contender.mainClass()), args);
        } else {
            // ncat cannot listen on port 0 and report the port it got, so a free one is picked here:
            // racy in theory; if another program takes it meanwhile, ncat exits and the start fails.
            int free = freePort();
            List<String> args = new ArrayList<>(List.of("-v", "-l", "-k", HOST, Integer.toString(free),
                    "--max-conns", Integer.toString(Contender.MAX_CLIENTS)));
            args.addAll(contender == Contender.NCAT_CHAT ? List.of("--chat") : List.of("--exec", "/bin/cat"));
            server = new ServerProcess(contender, List.of("ncat"), args); // -v: "Ncat: Listening on HOST:PORT"
        }
        server.awaitReady();
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(HOST, port.join());
    }

    long pid() {
        return process.pid();
    }

    Contender contender() {
        return contender;
    }

    /** CPU time (user + system) the server has used so far; 0 where /proc is missing. */
    long cpuNanos() {
        try {
            return ProcStats.available() ? ProcStats.cpuNanos(pid()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Context switches of the server's threads so far; -1 where they cannot be read (see {@link #cpuMeter}). */
    long contextSwitches() {
        try {
            return ProcStats.available() && contender.isOneProcess() ? ProcStats.contextSwitches(pid()) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * A meter of this server's CPU. ncat --exec hands each client to processes of its own (a
     * relay and a cat), which come and go during a run, so its CPU is not measured: unknown, not wrong.
     */
    CpuMeter cpuMeter() {
        return contender.isOneProcess() ? new CpuMeter(this::cpuNanos) : CpuMeter.unknown();
    }

    ProcStats.Status status() throws IOException {
        return ProcStats.status(pid());
    }

    /** Stops the server as Ctrl+C would (SIGTERM: its shutdown hook stops it cleanly), then by force. */
    @Override
    public void close() {
        ProcessServer.stop(process, Duration.ofSeconds(5));
    }

    private void awaitReady() throws IOException {
        try {
            port.get(20, TimeUnit.SECONDS); // every server prints the port once it listens: ready
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted while starting");
        } catch (ExecutionException | TimeoutException e) {
            throw failure("did not start listening: " + e.getMessage());
        }
    }

    /**
     * Users the server disconnected because their outbound queue overflowed: lab 4 logs
     * {@code NAME (client-N) disconnected: outbound queue ...}. A lossy run with drops means the
     * load's reader fell behind the server, not that the server lost messages.
     */
    int slowDrops() {
        return slowDrops.get();
    }

    /** What the server printed last: for the report when a run against it fails. */
    String lastOutput() {
        synchronized (lastLines) {
            return String.join("\n  ", lastLines);
        }
    }

    private IOException failure(String what) {
        close();
        return new IOException(contender.label() + " " + what + "\n  " + lastOutput());
    }

    private void drain(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!port.isDone()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(2)));
                    }
                }
                if (line.contains(SLOW_DROP)) {
                    slowDrops.incrementAndGet();
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 20) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // The child is gone; its exit is noticed by whoever waits for it.
        } finally {
            port.completeExceptionally(new IOException("the server exited"));
        }
    }

    /**
     * The same java as this process runs on, with the module's classpath. JVM options for the
     * servers (to experiment: {@code -Xmx64m}, {@code -XX:+UseSerialGC}) come from the environment
     * variable {@code BENCH_SERVER_JAVA_OPTS}; the standard run sets none.
     */
    private static List<String> javaCommand(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("BENCH_SERVER_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", RuntimeClasspath.get(), mainClass));
        return command;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
