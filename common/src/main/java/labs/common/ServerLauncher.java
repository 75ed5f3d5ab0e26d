package labs.common;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What every server's {@code main} does: read the options, start the server, say where it
 * listens, and stop it cleanly on Ctrl+C. Errors become one line and an exit code: 2 for a bad
 * command line, 1 for a server that cannot start (port in use, unreadable file).
 */
public final class ServerLauncher {
    public static final int OK = CommandLine.OK;
    public static final int CANNOT_START = CommandLine.FAILED;
    public static final int BAD_USAGE = CommandLine.BAD_USAGE;

    /** Builds a server from parsed options and a ready log. */
    @FunctionalInterface
    public interface Factory {
        TcpServer create(Options options, EventLog log) throws UsageException, IOException;
    }

    private ServerLauncher() {
    }

    /** Runs the server until it stops and exits the JVM only when something went wrong. */
    public static void main(String[] args, Options options, Factory factory) {
        CommandLine.main(args, options, parsed -> serve(parsed, factory, System.out, System.err));
    }

    /** Runs the server until it stops; returns the exit code instead of exiting. */
    public static int run(String[] args, Options options, Factory factory, PrintStream out, PrintStream err) {
        return CommandLine.run(args, options, out, err, parsed -> serve(parsed, factory, out, err));
    }

    private static int serve(Options parsed, Factory factory, PrintStream out, PrintStream err) throws UsageException {
        TcpServer server;
        try {
            server = factory.create(parsed, openLog(parsed, out));
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return CANNOT_START;
        }
        return runUntilStopped(server, err);
    }

    /** Starts {@code server}, stops it on Ctrl+C, and waits until it has stopped. */
    public static int runUntilStopped(TcpServer server, PrintStream err) {
        try {
            server.start();
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return CANNOT_START;
        }
        Thread onCtrlC = new Thread(() -> stopAndWait(server), "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            server.awaitTermination(Duration.ofDays(36_500));
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
            server.log.flush(Duration.ofSeconds(2)); // the last lines, before main returns and the JVM exits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // Ctrl+C: the hook is running and will finish the stop.
        }
        return OK;
    }

    private static void stopAndWait(TcpServer server) {
        server.stop();
        try {
            server.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Bounded even when the console is stuck: the hook must end, or Ctrl+C cannot stop the JVM.
        server.log.flush(Duration.ofSeconds(2));
    }

    private static EventLog openLog(Options options, PrintStream out) throws IOException {
        String file = options.string("--log-file");
        return new EventLog(out, file.isBlank() ? null : Path.of(file), options.flag("--quiet"), Clock.systemDefaultZone());
    }
}
