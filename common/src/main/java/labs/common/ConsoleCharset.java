package labs.common;

import java.io.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.Properties;

/**
 * The one place that decides how the keyboard's bytes and the screen's bytes are encoded. The
 * wire is always UTF-8 ({@link LineReader}, {@link LineWriter}); the console is not: a Russian
 * Windows console sends and shows cp866 (or cp1251 after {@code chcp 1251}), and JEP 400 made
 * UTF-8 the default charset everywhere except console I/O. Decoding the keyboard as UTF-8 there
 * turns every typed Cyrillic letter into U+FFFD.
 *
 * <p>The order, for input ({@code stdin.encoding}) and output ({@code stdout.encoding}) alike:
 * <ol>
 *   <li>the property, when it is set: the JDK sets {@code stdout.encoding} from JDK 19 and
 *       {@code stdin.encoding} from JDK 25 to what the console really uses; a test or a user may
 *       set either with {@code -D};
 *   <li>{@link Console#charset()} when a terminal is attached (the method exists from JDK 17);
 *   <li>{@code native.encoding} (JDK 17+), the operating system's own charset.
 * </ol>
 * A name the JDK does not know is skipped, as if it were not set.
 *
 * <p>Thread safety: no state; the system properties it reads are thread-safe.
 */
public final class ConsoleCharset {
    public static final String INPUT_PROPERTY = "stdin.encoding";
    public static final String OUTPUT_PROPERTY = "stdout.encoding";

    private ConsoleCharset() {
    }

    /** The charset to decode what is typed on standard input. */
    public static Charset forInput() {
        return choose(INPUT_PROPERTY, System.getProperties(), terminal().map(Console::charset));
    }

    /** The charset to encode what is printed on standard output. */
    public static Charset forOutput() {
        return choose(OUTPUT_PROPERTY, System.getProperties(), terminal().map(Console::charset));
    }

    /** A print stream over {@code screen} (usually {@code System.out}) in {@link #forOutput()}, flushed at each line. */
    public static PrintStream screen(OutputStream screen) {
        return new PrintStream(screen, true, forOutput());
    }

    /** The rule itself, with its inputs passed in so a test can force each step. */
    static Charset choose(String property, Properties properties, Optional<Charset> console) {
        return known(properties.getProperty(property))
                .or(() -> console)
                .or(() -> known(properties.getProperty("native.encoding")))
                .orElse(Charset.defaultCharset());
    }

    /**
     * The console, when a terminal is attached. Up to JDK 21 and again from JDK 25,
     * {@link System#console()} is null when standard input or output is redirected; JDK 22 to 24
     * return a console anyway (release notes JDK-8309155, and JDK-8351576 for the return in 25),
     * and say with {@code isTerminal()} (JDK 22+, so called by reflection) whether it is one.
     */
    public static Optional<Console> terminal() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            Object isTerminal = Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(isTerminal) ? Optional.of(console) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(console); // JDK 17 to 21: a console is a terminal
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> known(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
