package labs.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;
import java.util.List;

import labs.common.EventLog;

/**
 * The operator's side of lab 5: reads commands line by line, runs each against the server
 * through a {@link ServerControl}, and answers in one or a few lines. It runs in the program's
 * main thread while the acceptor and client threads serve the users: here one thread controls
 * the others, through the thread-safe operations of {@link ServerControl}.
 *
 * <p>Every command is written to the event log as it is received ({@code operator: pause}), so
 * the log shows what the operator did between the users' events. {@code clear-logs} erases its
 * own line with the rest, so it writes one more line after clearing, which says why the file is
 * short now.
 *
 * <p>Thread safety: the reader and the console's own state are confined to the thread that
 * calls {@link #run}; {@code control} and {@code log} are thread-safe (each class says how), and
 * {@code out} is a PrintStream, whose methods are synchronized.
 */
public final class OperatorConsole {
    /** Why {@link #run} returned. */
    public enum Ending { SHUTDOWN, END_OF_INPUT }

    private final ServerControl control;
    private final EventLog log;
    private final PrintStream out;

    public OperatorConsole(ServerControl control, EventLog log, PrintStream out) {
        this.control = control;
        this.log = log;
        this.out = out;
    }

    /** Runs commands until {@code shutdown} or the end of {@code commands}. */
    public Ending run(BufferedReader commands) throws IOException {
        out.println("operator console: type 'help' for the commands");
        String line;
        while ((line = commands.readLine()) != null) {
            Command.Parsed parsed = Command.parse(line);
            if (parsed == null) {
                continue;
            }
            log.info("operator: " + line.trim());
            if (!parsed.ok()) {
                out.println(parsed.error());
            } else if (execute(parsed)) {
                return Ending.SHUTDOWN;
            }
        }
        return Ending.END_OF_INPUT;
    }

    /** Runs one understood command; true when it was the last one (shutdown). */
    private boolean execute(Command.Parsed parsed) {
        try {
            switch (parsed.command()) {
                case HELP -> help();
                case STATUS -> out.println(describe(control.status()));
                case THREADS -> ThreadView.lines().forEach(out::println);
                case PAUSE -> pause();
                case RESUME -> resume();
                case LOGS -> logs(parsed.count());
                case CLEAR_LOGS -> clearLogs();
                case CLEAR_IDS -> clearIds();
                case SHUTDOWN -> {
                    shutdown();
                    return true;
                }
            }
        } catch (IOException | IllegalStateException e) {
            out.println("error: " + e.getMessage());
        }
        return false;
    }

    private void help() {
        out.println("commands (any case):");
        for (Command command : Command.values()) {
            out.println(command.helpLine());
        }
        out.println("Ctrl+C does what 'shutdown' does; closing standard input leaves the server running");
    }

    private void pause() {
        if (control.pause()) {
            ServerControl.Status now = control.status();
            out.println("paused: new connections to port " + now.port() + " are refused; "
                    + now.usersOnline() + " user(s) online stay connected");
        } else {
            out.println(control.status().stopped() ? "the server has stopped" : "already paused");
        }
    }

    private void resume() throws IOException {
        try {
            if (control.resume()) {
                ServerControl.Status now = control.status();
                out.println("listening again on " + now.host() + ":" + now.port());
            } else {
                out.println(control.status().stopped() ? "the server has stopped" : "already listening");
            }
        } catch (BindException e) {
            out.println("cannot resume: " + e.getMessage() + "; still paused (try 'resume' again later)");
        }
    }

    private void logs(int count) throws IOException {
        requireLogFile();
        List<String> lines = log.tail(count);
        lines.forEach(out::println);
        out.println("(" + lines.size() + " line(s) of " + log.file() + ")");
    }

    private void clearLogs() throws IOException {
        requireLogFile();
        log.clear();
        log.info("log file cleared by the operator");
        out.println("log file " + log.file() + " emptied; logging goes on into it");
    }

    private void clearIds() throws IOException {
        int forgotten = control.clearIdentities();
        out.println("identification file emptied: " + forgotten
                + " user(s) forgotten, every session token revoked; users online stay connected");
    }

    private void shutdown() {
        out.println("shutting down: telling the users, closing every connection, waiting for the threads");
        if (!control.shutdown()) {
            out.println("the server was already shut down");
        } else if (control.terminatedCleanly()) {
            out.println("server stopped: every thread has ended, the files are closed");
        } else {
            out.println("server stopped, but some threads did not end in time");
        }
    }

    private void requireLogFile() {
        if (log.file() == null) {
            throw new IllegalStateException("this server logs to the console only; there is no log file");
        }
    }

    /** One line for {@code status}. */
    static String describe(ServerControl.Status status) {
        if (status.stopped()) {
            return "stopped; " + status.clientsServed() + " client(s) served";
        }
        String where = status.host() + ":" + status.port();
        return (status.listening() ? "listening on " + where : "paused (not listening on " + where + ")")
                + "; " + status.usersOnline() + " user(s) online, " + status.connections() + " connection(s)"
                + "; up " + format(status.uptime())
                + "; " + status.clientsServed() + " client(s) served";
    }

    private static String format(Duration uptime) {
        long seconds = uptime.toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
