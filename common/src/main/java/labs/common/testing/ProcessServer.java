package labs.common.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A server under test that runs as a process of its own on 127.0.0.1 and is stopped by its
 * process id: what {@link ExternalServer} (any program) and the labs' child JVMs (a bare
 * program, a chat server that may run out of memory) have in common.
 *
 * <p>Thread safety: confined to the test thread that starts and closes it; {@code port} is set
 * once, by that thread, when the program has said where it listens.
 */
public abstract class ProcessServer implements ServerUnderTest {
    protected final Process process;
    private final Duration grace;
    private int port;

    /**
     * @param port  where it listens, or 0 until {@link #listeningOn} is called
     * @param grace how long {@link #close} waits after asking the process to stop before it kills it
     */
    protected ProcessServer(Process process, int port, Duration grace) {
        this.process = process;
        this.port = port;
        this.grace = grace;
    }

    /** Records the port the program said it listens on. */
    protected final void listeningOn(int port) {
        this.port = port;
    }

    /** The program's process: its standard input, for suites that drive an operator console (lab 5). */
    public final Process process() {
        return process;
    }

    @Override
    public final String host() {
        return "127.0.0.1";
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final boolean inProcess() {
        return false;
    }

    @Override
    public void close() {
        stop(process, grace);
    }

    /**
     * Asks {@code process} to stop as Ctrl+C would (SIGTERM: shutdown hooks run, so a server
     * stops cleanly and a coverage agent writes its data), and kills it if it has not ended
     * within {@code grace}.
     */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
