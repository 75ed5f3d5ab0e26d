package labs.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import labs.auth.AuthSettings;
import labs.chat.ChatServer;
import labs.chat.ChatSettings;
import labs.common.CommandLine;
import labs.common.ConsoleCharset;
import labs.common.EventLog;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.UsageException;
import labs.threaded.ThreadPerClientServer;

/**
 * Lab 5: lab 4's chat server with an operator console. The main thread starts the server, whose
 * "acceptor" thread listens and whose client threads chat, and then becomes the console: it
 * reads the operator's commands from standard input until {@code shutdown}.
 *
 * <p>Ctrl+C (or SIGTERM) runs the same shutdown from a shutdown hook. The end of standard input
 * does not stop the server, so it can run detached ({@code nohup ... < /dev/null &}); it then
 * runs until Ctrl+C or SIGTERM.
 *
 * <p>Thread safety: an instance is built and run by the main thread; what other threads reach
 * (the server, the control, the log) is thread-safe, each class says how.
 */
public final class ControlledChatServer {
    /** How long users' writers get to send the goodbye, and how long the threads get to end. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(3);
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The log file, in the data folder unless {@code --log-file} says otherwise. */
    public static final String LOG_FILE_NAME = "server.log";

    private final ChatServer server;
    private final EventLog log;
    private final ChatServerControl control;

    public ControlledChatServer(ChatServer server, EventLog log) {
        this.server = server;
        this.log = log;
        this.control = new ChatServerControl(server, log, DRAIN_GRACE, STOP_GRACE);
    }

    public static void main(String[] args) {
        int code = run(args, System.in, ConsoleCharset.forInput(), ConsoleCharset.screen(System.out),
                ConsoleCharset.screen(System.err), ShutdownHooks.RUNTIME);
        if (code != CommandLine.OK) {
            System.exit(code);
        }
    }

    /** The chat server's options, with {@code --log-file} defaulting to the data folder. */
    public static Options options() {
        return ChatServer.options("lab5-control-thread server")
                .option("--log-file", "FILE", "", "the log file (default <data-dir>/" + LOG_FILE_NAME + ")");
    }

    /** {@link #run(String[], InputStream, Charset, PrintStream, PrintStream, ShutdownHooks)} with commands typed in UTF-8. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, ShutdownHooks hooks) {
        return run(args, stdin, StandardCharsets.UTF_8, out, err, hooks);
    }

    /**
     * Parses {@code args}, starts the server and runs the console on {@code stdin}, decoded in
     * {@code stdinCharset} (the console's, from {@link ConsoleCharset}); returns the exit code.
     */
    static int run(String[] args, InputStream stdin, Charset stdinCharset, PrintStream out, PrintStream err,
            ShutdownHooks hooks) {
        return CommandLine.run(args, options(), out, err, parsed -> {
            ControlledChatServer app;
            try {
                app = create(parsed, err);
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return CommandLine.FAILED;
            }
            return app.operate(new BufferedReader(new InputStreamReader(stdin, stdinCharset)), out, err, hooks);
        });
    }

    /** Builds the server from parsed options; the log goes to {@code logConsole} and the log file. */
    static ControlledChatServer create(Options parsed, PrintStream logConsole) throws UsageException, IOException {
        AuthSettings auth = AuthSettings.from(parsed, "lab5-control-thread");
        String file = parsed.string("--log-file").trim();
        Path logFile = file.isEmpty() ? auth.dataDir().resolve(LOG_FILE_NAME) : Path.of(file);
        EventLog log = new EventLog(logConsole, logFile, parsed.flag("--quiet"), Clock.systemDefaultZone());
        try {
            return new ControlledChatServer(new ChatServer(ServerConfig.from(parsed), log, auth,
                    ChatSettings.from(parsed), ThreadPerClientServer.threadsFrom(parsed)), log);
        } catch (IOException | UsageException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * Starts the server and runs the console in this thread until {@code shutdown}, or, when
     * standard input ends, until the shutdown hook has run. Returns the exit code.
     */
    public int operate(BufferedReader commands, PrintStream out, PrintStream err, ShutdownHooks hooks) {
        Thread hook = new Thread(control::shutdown, "shutdown-hook");
        hooks.add(hook); // before start: from the first accepted client on, Ctrl+C says goodbye
        try {
            server.start();
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            hooks.remove(hook);
            closeLog(err);
            return CommandLine.FAILED;
        }
        out.println("chat server listening on " + server.host() + ":" + server.localPort()
                + "; log file " + log.file());
        OperatorConsole.Ending ending;
        try {
            ending = new OperatorConsole(control, log, out).run(commands);
        } catch (IOException e) {
            err.println("cannot read standard input: " + e.getMessage());
            ending = OperatorConsole.Ending.END_OF_INPUT;
        }
        if (ending == OperatorConsole.Ending.END_OF_INPUT) {
            out.println("standard input ended: the server keeps running; stop it with Ctrl+C or kill "
                    + ProcessHandle.current().pid());
            awaitShutdown();
        }
        hooks.remove(hook);
        return control.terminatedCleanly() ? CommandLine.OK : CommandLine.FAILED;
    }

    private void closeLog(PrintStream err) {
        try {
            log.close();
        } catch (IOException e) {
            err.println("cannot close the log file " + log.file() + ": " + e.getMessage());
        }
    }

    private void awaitShutdown() {
        try {
            control.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.shutdown();
        }
    }
}
