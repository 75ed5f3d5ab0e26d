package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Name rules: what is accepted in any script, what is refused and why, case-insensitive comparison. */
class UserNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Алиса", "борис", "bob_2", "x-y", "李雷", "a", "abcdefghijklmnopqrstuvwxyz012345",
            "Борис_1990", "やまだ太郎", "김철수", "Ωμέγα"})
    void acceptsLettersDigitsUnderscoreAndDashOfAnyScript(String name) {
        assertThat(UserNames.validate(name)).isEqualTo(name);
    }

    @Test
    void trimsSpacesAroundTheName() {
        assertThat(UserNames.validate("  Боб \t")).isEqualTo("Боб");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                   | cannot be empty",
            "'   '                                | cannot be empty",
            "abcdefghijklmnopqrstuvwxyz0123456    | at most 32 characters, not 33",
            "ali ce                               | not 'U+0020'",
            "alice!                               | not '!'",
            "a.b                                  | not '.'",
            "'bo\u0007b'                         | not 'U+0007'"})
    void refusesAnythingElseSayingWhy(String name, String why) {
        assertThatThrownBy(() -> UserNames.validate(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    @Test
    void comparesCaseInsensitivelyInEveryScriptAndInNormalForm() {
        assertThat(UserNames.key("Алиса")).isEqualTo(UserNames.key("аЛИСА"));
        assertThat(UserNames.key("Alice")).isEqualTo(UserNames.key("ALICE"));
        assertThat(UserNames.key("Straße")).isEqualTo(UserNames.key("STRASSE"));
        assertThat(UserNames.key("Йод")).isEqualTo(UserNames.key("И\u0306од"));   // и + combining breve = й
        assertThat(UserNames.validate("И\u0306од")).isEqualTo("Йод");
        assertThat(UserNames.key("alice")).isNotEqualTo(UserNames.key("alicе")); // the last letter is Cyrillic е
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\u0430lice'        | one script, not in [cyrillic, latin]",     // Cyrillic а, then Latin
            "'alice\u3164'       | invisible characters, not U+3164",        // Hangul filler: a letter that shows nothing
            "'\u3164'            | invisible characters, not U+3164",
            "'\u115F\u1160'     | invisible characters, not U+115F",
            "'a\uFFA0'           | invisible characters, not U+FFA0",
            "'al\u200Bice'       | not 'U+200B'",                            // zero width space: a format character
            "'ali\u00ADce'       | not 'U+00AD'",                            // soft hyphen
            "'bob\u0660'         | one script, not in [arabic, latin]"})     // an Arabic-Indic digit
    void refusesLookAlikesAndInvisibleCharacters(String name, String why) {
        assertThatThrownBy(() -> UserNames.validate(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    @Test
    void namesOfOlderRulesAreStillReadFromAFile() {
        assertThat(UserNames.validateExisting("\u0430lice")).isEqualTo("\u0430lice");
        assertThat(UserNames.validateExisting("alice\u3164")).isEqualTo("alice\u3164");
    }

    @Test
    void theKeyIgnoresWidthAndCompatibilityForms() {
        assertThat(UserNames.key("\uFF41lice")).isEqualTo(UserNames.key("alice"));   // full-width ａ
        assertThat(UserNames.key("\uFB01le")).isEqualTo(UserNames.key("FILE"));      // the ligature ﬁ
        assertThat(UserNames.key("\u0430lice")).isNotEqualTo(UserNames.key("alice")); // refused at registration instead
    }
}
