package labs.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"status", "STATUS", "  Status  ", "sTaTuS"})
    void commandsAreCaseInsensitiveAndTrimmed(String typed) {
        assertThat(Command.parse(typed).command()).isEqualTo(Command.STATUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shutdown", "exit", "quit", "QUIT", "Exit"})
    void exitAndQuitMeanShutdown(String typed) {
        assertThat(Command.parse(typed).command()).isEqualTo(Command.SHUTDOWN);
    }

    @Test
    void everyCommandIsFoundByItsWord() {
        for (Command command : Command.values()) {
            assertThat(Command.parse(command.word()).command()).isEqualTo(command);
            assertThat(command.helpLine()).contains(command.word());
        }
    }

    @Test
    void logsTakesAnOptionalPositiveCount() {
        assertThat(Command.parse("logs").count()).isEqualTo(Command.Parsed.ALL);
        assertThat(Command.parse("LOGS 15").count()).isEqualTo(15);
        assertThat(Command.parse("logs 0").error()).contains("1 or more");
        assertThat(Command.parse("logs -3").error()).contains("1 or more");
        assertThat(Command.parse("logs many").error()).contains("'many'");
        assertThat(Command.parse("logs 99999999999").ok()).isFalse();
        assertThat(Command.parse("logs 1 2").error()).contains("at most one number");
    }

    @Test
    void unknownCommandsAndStrayArgumentsGetAOneLineHint() {
        Command.Parsed unknown = Command.parse("reboot now");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.error()).contains("unknown command 'reboot'").contains("help").doesNotContain("\n");
        assertThat(Command.parse("pause please").error()).contains("'pause' takes no arguments");
    }

    @Test
    void anEmptyLineIsNothingToDo() {
        assertThat(Command.parse("")).isNull();
        assertThat(Command.parse("   \t ")).isNull();
    }
}
