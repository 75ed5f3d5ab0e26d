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
    @ValueSource(strings = {"alice", "Алиса", "bob_2", "x-y", "李雷", "a", "abcdefghijklmnopqrstuvwxyz012345"})
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
}
