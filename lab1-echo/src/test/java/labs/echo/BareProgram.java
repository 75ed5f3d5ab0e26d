package labs.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import labs.common.testing.ProcessServer;

/**
 * A bare program (a {@code main} with no way to stop it but its process ending) run in a child
 * JVM with this JVM's class path and coverage agent; stopped by its process id after the test.
 * A bare server is a {@link labs.common.testing.ServerUnderTest} once it has printed "listening on port N".
 *
 * <p>Thread safety: the test thread owns it; one daemon thread copies the child's output into
 * {@code output}, a thread-safe queue that the test thread polls with a timeout.
 */
public final class BareProgram extends ProcessServer {
    private static final long TIMEOUT_SECONDS = 20;

    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final Thread copier;

    private BareProgram(Process process) {
        super(process, 0, Duration.ofSeconds(TIMEOUT_SECONDS));
        this.copier = new Thread(this::copyOutput, "output of " + process.pid());
        copier.setDaemon(true);
        copier.start();
    }

    /** Starts {@code main} of the class with these arguments. */
    public static BareProgram start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-javaagent:") && argument.contains("jacoco"))
                .forEach(command::add); // the child's lines count towards coverage too
        // Print in UTF-8 whatever the machine's locale (sun.* on JDK 17, stdout.* from JDK 19).
        command.addAll(List.of("-Dsun.stdout.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new BareProgram(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Starts a bare server on any free port and waits until it says which one. */
    public static BareProgram startServer(Class<?> main) throws IOException {
        BareProgram server = start(main, "0");
        String first = server.nextLine();
        assertThat(first).startsWith("listening on port ");
        server.listeningOn(Integer.parseInt(first.substring("listening on port ".length()).trim()));
        return server;
    }

    /** The next line the program printed; fails the test if none comes within the timeout. */
    public String nextLine() {
        try {
            String line = output.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("a line from the program within " + TIMEOUT_SECONDS + " s").isNotNull();
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Waits for the program to end by itself; returns its exit code. */
    public int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the program ended by itself").isTrue();
        return process.exitValue();
    }

    /** Waits for the program to end by itself; returns the lines it printed that were not read yet. */
    public List<String> outputUntilExit() throws InterruptedException {
        awaitExit();
        copier.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)); // it stops at the end of the output
        List<String> rest = new ArrayList<>();
        output.drainTo(rest);
        return rest;
    }

    private void copyOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException ended) {
            // The process is gone; nothing more to copy.
        }
    }
}
