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

    @Test
    void lineAndParagraphSeparatorsCannotBreakAMessageInTwo() {
        assertThat(TextSanitizer.clean("hi\u2028* server: you are banned\u2029")).isEqualTo("hi?* server: you are banned?");
    }

    @Test
    void zeroWidthCharactersBecomeVisible() {
        assertThat(TextSanitizer.clean("pay\u200Bpal")).isEqualTo("pay?pal");
        assertThat(TextSanitizer.clean("a\u200Cb\u200Dc")).isEqualTo("a?b?c");
        assertThat(TextSanitizer.clean("word\u2060joiner\uFEFF")).isEqualTo("word?joiner?");
    }

    @Test
    void tagCharactersCarryNoHiddenText() {
        String hidden = new StringBuilder("hi").appendCodePoint(0xE0001).appendCodePoint(0xE0041)
                .appendCodePoint(0xE007F).appendCodePoint(0xE0000).toString();
        assertThat(TextSanitizer.clean(hidden)).isEqualTo("hi????");
    }

    @Test
    void otherFormatCharactersAreReplacedToo() {
        assertThat(Character.getType(0x00AD)).isEqualTo(Character.FORMAT); // soft hyphen
        assertThat(Character.getType(0x180E)).isEqualTo(Character.FORMAT); // Mongolian vowel separator
        assertThat(TextSanitizer.clean("soft\u00ADhyphen\u180E")).isEqualTo("soft?hyphen?");
        assertThat(TextSanitizer.clean("\u2062\u2064")).isEqualTo("??"); // invisible times, invisible plus
    }
}
