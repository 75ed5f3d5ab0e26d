package labs.control;

import java.util.List;
import java.util.Locale;

/**
 * The operator's commands: their names, what they take and a line of help each. Parsing is
 * separate from running (see {@link OperatorConsole}) so that the words can be tested alone.
 *
 * <p>Grammar (case-insensitive, surrounding blanks ignored):
 * <pre>
 *   command  = "help" | "status" | "threads" | "pause" | "resume" | "logs" [ count ] | "clear-logs"
 *            | "clear-ids" | "shutdown" | "exit" | "quit"
 *   count    = a whole number, 1 or more
 * </pre>
 *
 * <p>Thread safety: immutable (an enum and records).
 */
public enum Command {
    HELP("help", "", "list the commands"),
    STATUS("status", "", "listening or paused, host and port, users online, uptime, clients served"),
    THREADS("threads", "", "every thread of the server: its state and what it waits for (a lock, a socket, a queue)"),
    PAUSE("pause", "", "stop listening: new connections are refused, connected users go on chatting"),
    RESUME("resume", "", "listen again on the same port"),
    LOGS("logs", "[n]", "print the last n lines of the log file (all of them without n)"),
    CLEAR_LOGS("clear-logs", "", "empty the log file; logging goes on into it"),
    CLEAR_IDS("clear-ids", "", "forget every user, password, IP record and session token"),
    SHUTDOWN("shutdown", "", "tell users, close every connection, stop all threads, exit (also: exit, quit)");

    private static final List<String> SHUTDOWN_ALIASES = List.of("exit", "quit");

    private final String word;
    private final String argument;
    private final String help;

    Command(String word, String argument, String help) {
        this.word = word;
        this.argument = argument;
        this.help = help;
    }

    /** What the operator types, e.g. {@code clear-logs}. */
    public String word() {
        return word;
    }

    /** One line of {@code help}: the command, its argument and what it does. */
    public String helpLine() {
        return String.format("  %-12s %s", (word + " " + argument).trim(), help);
    }

    /** A typed line, understood: a command and its count, or an error to show the operator. */
    public record Parsed(Command command, int count, String error) {
        /** No count given: {@code logs} then prints everything. */
        public static final int ALL = 0;

        public boolean ok() {
            return error == null;
        }
    }

    /** Understands one typed line; an empty line is {@code null} (nothing to do). */
    public static Parsed parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (words[0].isEmpty()) {
            return null;
        }
        String name = words[0].toLowerCase(Locale.ROOT);
        Command command = find(name);
        if (command == null) {
            return error("unknown command '" + words[0] + "'; type 'help' for the list");
        }
        if (command == LOGS && words.length == 2) {
            return parseCount(words[1]);
        }
        if (words.length > 1) {
            return error("'" + command.word + "' takes " + (command == LOGS ? "at most one number" : "no arguments")
                    + "; type 'help' for the list");
        }
        return new Parsed(command, Parsed.ALL, null);
    }

    private static Command find(String name) {
        if (SHUTDOWN_ALIASES.contains(name)) {
            return SHUTDOWN;
        }
        for (Command command : values()) {
            if (command.word.equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static Parsed parseCount(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1) {
                return new Parsed(LOGS, count, null);
            }
        } catch (NumberFormatException tooBigOrNotANumber) {
            // Falls through to the same hint as zero or a negative number.
        }
        return error("'logs' takes a whole number of lines, 1 or more, not '" + text + "'");
    }

    private static Parsed error(String message) {
        return new Parsed(null, Parsed.ALL, message);
    }
}
