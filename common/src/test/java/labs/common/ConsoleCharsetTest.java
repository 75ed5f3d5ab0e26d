package labs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** The console's charset is chosen in one order: the property, the terminal's charset, the system's. */
class ConsoleCharsetTest {
    static final Charset CP866 = Charset.forName("IBM866");
    static final Charset CP1251 = Charset.forName("windows-1251");

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    /** Runs {@code action} with the system property {@code name} set to {@code value}, then puts it back. */
    static <T> T withProperty(String name, String value, Supplier<T> action) {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    @Test
    void thePropertyComesFirst() {
        Properties set = properties("stdin.encoding", "IBM866", "native.encoding", "UTF-8");
        assertThat(ConsoleCharset.choose("stdin.encoding", set, Optional.of(CP1251))).isEqualTo(CP866);
    }

    @Test
    void thenTheTerminalsCharsetThenTheSystemsOwn() {
        Properties noProperty = properties("native.encoding", "windows-1251");
        assertThat(ConsoleCharset.choose("stdin.encoding", noProperty, Optional.of(CP866))).isEqualTo(CP866);
        assertThat(ConsoleCharset.choose("stdin.encoding", noProperty, Optional.empty())).isEqualTo(CP1251);
    }

    @Test
    void anUnknownOrEmptyNameIsSkipped() {
        Properties wrong = properties("stdout.encoding", "no-such-charset", "native.encoding", "bad name!");
        assertThat(ConsoleCharset.choose("stdout.encoding", wrong, Optional.of(CP866))).isEqualTo(CP866);
        assertThat(ConsoleCharset.choose("stdout.encoding", wrong, Optional.empty())).isEqualTo(Charset.defaultCharset());
        assertThat(ConsoleCharset.choose("stdout.encoding", properties("stdout.encoding", " "), Optional.of(CP1251)))
                .isEqualTo(CP1251);
    }

    @Test
    void theSystemPropertiesAreWhatTheProgramsUse() {
        assertThat(withProperty("stdin.encoding", "IBM866", ConsoleCharset::forInput)).isEqualTo(CP866);
        assertThat(withProperty("stdout.encoding", "windows-1251", ConsoleCharset::forOutput)).isEqualTo(CP1251);
    }

    @Test
    void theScreenGetsTheConsolesBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream screen = withProperty("stdout.encoding", "IBM866", () -> ConsoleCharset.screen(bytes));
        screen.println("привет");
        assertThat(bytes.toByteArray()).isEqualTo(("привет" + System.lineSeparator()).getBytes(CP866));
    }

    /** What a student sees when the console's charset and the program's disagree (the docs show these). */
    @Test
    void aMismatchGarblesTheText() {
        assertThat(new String("привет".getBytes(StandardCharsets.UTF_8), CP866)).isEqualTo("╨┐╤А╨╕╨▓╨╡╤В");
        assertThat(new String("привет".getBytes(CP1251), StandardCharsets.UTF_8)).isEqualTo("\uFFFD".repeat(6));
    }

    @Test
    void aTerminalIsNeverReportedWhenTestsRunWithoutOne() {
        assertThat(ConsoleCharset.terminal()).isEmpty(); // surefire's JVM reads a pipe, not a terminal
    }
}
