package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import labs.chat.ChatCommand.Help;
import labs.chat.ChatCommand.Invalid;
import labs.chat.ChatCommand.Private;
import labs.chat.ChatCommand.Quit;
import labs.chat.ChatCommand.Say;
import labs.chat.ChatCommand.ShowHistory;
import labs.chat.ChatCommand.Unknown;
import labs.chat.ChatCommand.Who;

class ChatCommandTest {
    private static ChatCommand parse(String line) {
        return ChatCommand.parse(line, 20, 100);
    }

    @Test
    void plainTextIsAMessageToEverybody() {
        assertThat(parse("hello, all")).isEqualTo(new Say("hello, all"));
        assertThat(parse("  leading spaces stay")).isEqualTo(new Say("  leading spaces stay"));
    }

    @Test
    void aDoubleSlashSendsTextThatStartsWithASlash() {
        assertThat(parse("//etc/passwd is a file")).isEqualTo(new Say("/etc/passwd is a file"));
    }

    @Test
    void commandsAreCaseInsensitiveAndIgnoreExtraSpaces() {
        assertThat(parse("/who")).isEqualTo(new Who());
        assertThat(parse("/WHO  ")).isEqualTo(new Who());
        assertThat(parse("/help")).isEqualTo(new Help());
        assertThat(parse("/Quit")).isEqualTo(new Quit());
    }

    @Test
    void historyTakesAnOptionalCountWithinTheLimit() {
        assertThat(parse("/history")).isEqualTo(new ShowHistory(20));
        assertThat(parse("/history 5")).isEqualTo(new ShowHistory(5));
        assertThat(parse("/history 100")).isEqualTo(new ShowHistory(100));
        assertThat(parse("/history 0")).isInstanceOf(Invalid.class);
        assertThat(parse("/history 101")).isInstanceOf(Invalid.class);
        assertThat(parse("/history many")).isEqualTo(new Invalid("usage: /history [n], n from 1 to 100"));
    }

    @Test
    void msgNeedsANameAndText() {
        assertThat(parse("/msg bob  see you at  five")).isEqualTo(new Private("bob", "see you at  five"));
        assertThat(parse("/msg bob")).isEqualTo(new Invalid("usage: /msg <name> <text>"));
        assertThat(parse("/msg bob   ")).isInstanceOf(Invalid.class);
        assertThat(parse("/msg")).isInstanceOf(Invalid.class);
    }

    @Test
    void anythingElseAfterASlashIsUnknown() {
        assertThat(parse("/join #java")).isEqualTo(new Unknown("/join"));
        assertThat(parse("/")).isEqualTo(new Unknown("/"));
    }
}
