package labs.common;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Where a console client's typed lines come from: a terminal, which can read a password without
 * showing it, or a plain stream (piped input, a file, a test), which cannot. A test passes its
 * own implementation to play the terminal.
 *
 * <p>Thread safety: a client's keyboard thread is the only one that reads it.
 */
public interface Keyboard {
    /** The next typed line, or null at the end of input. */
    String readLine() throws IOException;

    /** The next typed line, not shown on the screen if this keyboard can hide it; null at the end of input. */
    char[] readSecret() throws IOException;

    /** Whether {@link #readSecret()} really hides what is typed. */
    boolean hidesSecrets();

    /** The user's keyboard: the terminal when one is attached, otherwise standard input in {@link ConsoleCharset#forInput()}. */
    static Keyboard system() {
        return ConsoleCharset.terminal().map(Keyboard::of).orElseGet(() -> of(System.in, ConsoleCharset.forInput()));
    }

    /** A terminal: lines in its own charset, secrets with echo turned off ({@link Console#readPassword()}). */
    static Keyboard of(Console console) {
        return new Keyboard() {
            @Override
            public String readLine() {
                return console.readLine();
            }

            @Override
            public char[] readSecret() {
                return console.readPassword();
            }

            @Override
            public boolean hidesSecrets() {
                return true;
            }
        };
    }

    /** A plain stream of lines in {@code charset}; a secret is read like any line, so it is not hidden. */
    static Keyboard of(InputStream typed, Charset charset) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(typed, charset));
        return new Keyboard() {
            @Override
            public String readLine() throws IOException {
                return lines.readLine();
            }

            @Override
            public char[] readSecret() throws IOException {
                String line = lines.readLine();
                return line == null ? null : line.toCharArray();
            }

            @Override
            public boolean hidesSecrets() {
                return false;
            }
        };
    }
}
