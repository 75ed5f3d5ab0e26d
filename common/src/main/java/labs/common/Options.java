package labs.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command-line parser: {@code --name value} options and {@code --flag} switches, each
 * declared with a default and a description, so that every program can print the same usage.
 *
 * <p>Thread safety: confined to the thread that parses the command line (main).
 */
public final class Options {
    private final String program;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private record Spec(String name, String valueName, String defaultValue, String description) {
        boolean isFlag() {
            return valueName == null;
        }
    }

    public Options(String program) {
        this.program = program;
        flag("--help", "print this help and exit");
    }

    /** The options every server takes: where to listen and how much to log. */
    public static Options forServer(String program) {
        return new Options(program)
                .option("--host", "ADDRESS", "127.0.0.1", "address to listen on (0.0.0.0 = every interface)")
                .option("--port", "PORT", "5000", "port to listen on; 0 = any free port (the server prints it)")
                .option("--max-clients", "N", "100", "clients served at once; the next one is told and closed")
                .option("--log-file", "FILE", "", "also append every event to this file")
                .flag("--quiet", "do not log each read and write (connections and errors are still logged)");
    }

    /** The options every client takes: where the server is. */
    public static Options forClient(String program) {
        return new Options(program)
                .option("--host", "ADDRESS", "127.0.0.1", "server address")
                .option("--port", "PORT", "5000", "server port");
    }

    public Options option(String name, String valueName, String defaultValue, String description) {
        specs.put(name, new Spec(name, valueName, defaultValue, description));
        return this;
    }

    public Options flag(String name, String description) {
        specs.put(name, new Spec(name, null, null, description));
        return this;
    }

    /** Reads {@code args}; an unknown option, a missing value or a stray word is a {@link UsageException}. */
    public Options parse(String... args) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            Spec spec = specs.get(arg);
            if (spec == null) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + arg
                        : "unexpected argument '" + arg + "'");
            }
            if (spec.isFlag()) {
                if (inlineValue != null) {
                    throw new UsageException(arg + " takes no value");
                }
                values.put(arg, "true");
            } else if (inlineValue != null) {
                values.put(arg, inlineValue);
            } else if (i + 1 < args.length) {
                values.put(arg, args[++i]);
            } else {
                throw new UsageException(arg + " needs a value (" + spec.valueName() + ")");
            }
        }
        return this;
    }

    public boolean helpRequested() {
        return flag("--help");
    }

    public boolean flag(String name) {
        return values.containsKey(spec(name).name());
    }

    public String string(String name) {
        Spec spec = spec(name);
        return values.getOrDefault(name, spec.defaultValue());
    }

    /** An integer within [min, max]; anything else is a {@link UsageException} that names the option. */
    public int integer(String name, int min, int max) throws UsageException {
        String text = string(name);
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + text + "'");
        }
    }

    public int port() throws UsageException {
        return integer("--port", 0, 65_535);
    }

    /** One of the listed words, compared case-insensitively. */
    public String choice(String name, String... allowed) throws UsageException {
        String value = string(name);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new UsageException(name + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }

    public String usage() {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + program + " [options]");
        for (Spec spec : specs.values()) {
            String left = spec.isFlag() ? spec.name() : spec.name() + " " + spec.valueName();
            String defaults = spec.isFlag() || spec.defaultValue().isEmpty() ? "" : " (default " + spec.defaultValue() + ")";
            lines.add(String.format("  %-22s %s%s", left, spec.description(), defaults));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private Spec spec(String name) {
        Spec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("option " + name + " was never declared");
        }
        return spec;
    }
}
