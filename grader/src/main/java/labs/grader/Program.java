package labs.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A student's program started by the grader: the command line with {@code {host}} and
 * {@code {port}} replaced, split on spaces like {@code -Dlab.server.command}. Every wait is
 * bounded, and {@link #close()} stops the process and every process it started, by their ids.
 *
 * <p>Thread safety: confined to the thread that starts and closes it; its fields are final.
 */
public final class Program implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    static final Duration STOP_WAIT = Duration.ofSeconds(3);

    private final Process process;
    private final int port;
    private final Path output;

    private Program(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts {@code template} with {@code {port}} = {@code port}; stdin stays a pipe, output goes to {@code output}. */
    public static Program start(String template, int port, Path directory, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.deleteIfExists(output);
        ProcessBuilder builder = new ProcessBuilder(words(template, port))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        // The same text encoding whatever the machine's locale, and Python output that is not held back in a buffer.
        environment.put("LC_ALL", "C.UTF-8");
        environment.put("PYTHONIOENCODING", "utf-8");
        environment.put("PYTHONUNBUFFERED", "1");
        try {
            return new Program(builder.start(), port, output);
        } catch (IOException e) {
            throw new IOException("cannot start \"" + template + "\": " + e.getMessage(), e);
        }
    }

    /** The command's words, each placeholder replaced; quoting is not understood, as in -Dlab.server.command. */
    static List<String> words(String template, int port) {
        List<String> words = new ArrayList<>();
        for (String word : template.trim().split("\\s+")) {
            words.add(word.replace("{port}", Integer.toString(port)).replace("{host}", HOST));
        }
        return words;
    }

    /** A port nothing listens on right now (another program could take it; see ExternalServer). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the program accepts connections on its port, or fails saying why it did not. */
    public Program awaitListening(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the program exited with code " + process.exitValue()
                        + " before it listened on port " + port + lastOutputLine());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(HOST, port), 200);
                return this;
            } catch (IOException notYet) {
                waitFor(Duration.ofMillis(100)); // wakes early if it dies
            }
        }
        throw new IOException("the program did not listen on port " + port + " within "
                + limit.toSeconds() + " s" + lastOutputLine());
    }

    private String lastOutputLine() {
        List<String> lines = output().lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : "; its last output: " + lines.get(lines.size() - 1).strip();
    }

    /** True when it ended within {@code limit}. */
    public boolean waitFor(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Everything the program has printed so far (stdout and stderr together). */
    public String output() {
        try {
            return Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process and the processes it started, as far as they are still its descendants. */
    public List<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    /** Stops the program and all its child processes by their ids: politely, then forcibly. */
    @Override
    public void close() {
        stop(tree());
    }

    /** Asks each process to end (SIGTERM), waits a bounded time, then kills the ones left. */
    static void stop(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (ProcessHandle handle : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }
}
