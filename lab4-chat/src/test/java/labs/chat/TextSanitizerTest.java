package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {
    @Test
    void ordinaryTextIsUnchanged() {
        String text = "Привет, мир! hello 😀 <b>";
        assertThat(TextSanitizer.clean(text)).isSameAs(text);
    }

    @Test
    void terminalControlsAreNeverPassedOn() {
        assertThat(TextSanitizer.clean("\u001b[2J\u001b]0;pwned\u0007")).isEqualTo("?[2J?]0;pwned?");
        assertThat(TextSanitizer.clean("a\u0000b\u007fc\u009bd")).isEqualTo("a?b?c?d");
        assertThat(TextSanitizer.clean("bell\u0007")).doesNotContain("\u0007");
    }

    @Test
    void bidirectionalOverridesAreReplaced() {
        assertThat(TextSanitizer.clean("file\u202Etxt.exe")).isEqualTo("file?txt.exe");
        assertThat(TextSanitizer.clean("\u2066x\u2069\u200F")).isEqualTo("?x??");
    }

    @Test
    void aTabBecomesASpaceAndSurrogatePairsSurvive() {
        assertThat(TextSanitizer.clean("a\tb 😀\u0001")).isEqualTo("a b 😀?");
    }
}
