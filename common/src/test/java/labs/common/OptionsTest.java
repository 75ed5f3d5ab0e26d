package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void serverDefaultsListenOnLoopback() throws UsageException {
        Options options = Options.forServer("server").parse();
        assertThat(options.string("--host")).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(5000);
        assertThat(options.flag("--quiet")).isFalse();
        assertThat(options.helpRequested()).isFalse();
    }

    @Test
    void readsValuesInBothSpellings() throws UsageException {
        Options options = Options.forServer("server").parse("--port", "0", "--host=0.0.0.0", "--quiet");
        assertThat(options.port()).isZero();
        assertThat(options.string("--host")).isEqualTo("0.0.0.0");
        assertThat(options.flag("--quiet")).isTrue();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThatThrownBy(() -> Options.forServer("server").parse("--prot", "5"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --prot");
        assertThatThrownBy(() -> Options.forServer("server").parse("5000"))
                .isInstanceOf(UsageException.class).hasMessage("unexpected argument '5000'");
    }

    @Test
    void missingOrMalformedValuesAreUsageErrors() {
        assertThatThrownBy(() -> Options.forServer("s").parse("--port"))
                .isInstanceOf(UsageException.class).hasMessage("--port needs a value (PORT)");
        assertThatThrownBy(() -> Options.forServer("s").parse("--port", "http").port())
                .isInstanceOf(UsageException.class).hasMessage("--port must be a whole number, not 'http'");
        assertThatThrownBy(() -> Options.forServer("s").parse("--port", "70000").port())
                .isInstanceOf(UsageException.class).hasMessage("--port must be between 0 and 65535, not 70000");
        assertThatThrownBy(() -> Options.forServer("s").parse("--quiet=yes"))
                .isInstanceOf(UsageException.class).hasMessage("--quiet takes no value");
    }

    @Test
    void choiceIgnoresCaseAndNamesTheChoices() throws UsageException {
        Options options = new Options("x").option("--mode", "M", "fast", "how").parse("--mode", "SLOW");
        assertThat(options.choice("--mode", "fast", "slow")).isEqualTo("slow");
        assertThatThrownBy(() -> new Options("x").option("--mode", "M", "fast", "how").parse("--mode", "odd")
                .choice("--mode", "fast", "slow"))
                .hasMessage("--mode must be one of fast, slow, not 'odd'");
    }

    @Test
    void usageListsEveryOptionWithItsDefault() throws UsageException {
        Options options = Options.forClient("client").parse("--help");
        assertThat(options.helpRequested()).isTrue();
        assertThat(options.usage())
                .startsWith("usage: client [options]")
                .contains("--host ADDRESS", "(default 127.0.0.1)", "--port PORT", "--help");
    }

    @Test
    void askingForAnUndeclaredOptionIsAProgrammingError() {
        assertThatThrownBy(() -> new Options("x").string("--nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
