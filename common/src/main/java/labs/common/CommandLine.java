package labs.common;

import java.io.PrintStream;

/**
 * Runs a program's body with parsed options, the same way for every server, client and tool:
 * {@code --help} prints the usage; a bad option prints one line of error, then the usage, and
 * gives exit code 2. The JVM is exited only for a non-zero code, so a program that ends normally
 * inside {@code mvn exec:java} leaves Maven running to finish cleanly.
 */
public final class CommandLine {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;

    /** The program itself, given its parsed options; returns the exit code. */
    @FunctionalInterface
    public interface Body {
        int run(Options parsed) throws UsageException;
    }

    private CommandLine() {
    }

    public static void main(String[] args, Options options, Body body) {
        int code = run(args, options, System.out, System.err, body);
        if (code != OK) {
            System.exit(code);
        }
    }

    public static int run(String[] args, Options options, PrintStream out, PrintStream err, Body body) {
        try {
            options.parse(args);
            if (options.helpRequested()) {
                out.println(options.usage());
                return OK;
            }
            return body.run(options);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(options.usage());
            return BAD_USAGE;
        }
    }
}
