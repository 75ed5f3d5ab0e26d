package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256 pinned by known answers; salts, verification, long and Cyrillic passwords. */
class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void matchesTheKnownAnswerOfRfc7914Section11() {
        byte[] key = PasswordHasher.pbkdf2("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1, 64);

        assertThat(HexFormat.ofDelimiter(" ").formatHex(key)).isEqualTo(
                "55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc "
                        + "49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83");
    }

    @Test
    void hashesThePasswordsUtf8BytesAsEveryOtherLanguageDoes() {
        // Python: hashlib.pbkdf2_hmac("sha256", "пароль".encode(), "соль".encode(), 2, 32)
        byte[] key = PasswordHasher.pbkdf2("пароль".toCharArray(), "соль".getBytes(StandardCharsets.UTF_8), 2, 32);

        assertThat(HexFormat.ofDelimiter(" ").formatHex(key))
                .isEqualTo("14 21 e6 bb 63 c9 4b 6a 38 ff 7e 55 93 48 1f 69 95 c2 33 c5 bd c6 15 28 de ef 44 02 a9 06 b3 49");
    }

    @Test
    void verifiesTheRightPasswordOnlyAndStoresItsIterationCount() {
        PasswordHash stored = hasher.hash("correct horse".toCharArray());

        assertThat(PasswordHasher.verify("correct horse".toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.verify("correct horsf".toCharArray(), stored)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), stored)).isFalse();
        assertThat(stored.iterations()).isEqualTo(1000);
        assertThat(stored.salt()).hasSize(PasswordHasher.SALT_BYTES);
    }

    @Test
    void aFreshSaltMakesEqualPasswordsHashDifferently() {
        PasswordHash first = hasher.hash("same password".toCharArray());
        PasswordHash second = hasher.hash("same password".toCharArray());

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
        assertThat(first).isNotEqualTo(second).hasToString("pbkdf2-sha256 with 1000 iterations");
    }

    @Test
    void longAndCyrillicPasswordsAreNeverTruncated() {
        String long100 = "x".repeat(99);
        PasswordHash stored = hasher.hash((long100 + "y").toCharArray());

        assertThat(PasswordHasher.verify((long100 + "y").toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.verify((long100 + "z").toCharArray(), stored)).isFalse();
        PasswordHash cyrillic = hasher.hash("пароль-ёжик".toCharArray());
        assertThat(PasswordHasher.verify("пароль-ёжик".toCharArray(), cyrillic)).isTrue();
        assertThat(PasswordHasher.verify("пароль-ежик".toCharArray(), cyrillic)).isFalse();
    }

    @Test
    void encodesAsTheFileRecordAndRejectsBadParts() {
        PasswordHash stored = new PasswordHash(7, new byte[16], new byte[32]);

        assertThat(stored.encode()).isEqualTo("pbkdf2-sha256 7 AAAAAAAAAAAAAAAAAAAAAA== AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(stored).isEqualTo(new PasswordHash(7, new byte[16], new byte[32])).hasSameHashCodeAs(new PasswordHash(7, new byte[16], new byte[32]));
        assertThatThrownBy(() -> new PasswordHash(7, new byte[15], new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHash(0, new byte[16], new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordIsTheSameTypedComposedOrDecomposed() {
        char[] decomposed = "cafe\u0301".toCharArray(); // e + combining acute, as macOS sends it
        PasswordHash hash = hasher.hash(decomposed);

        assertThat(PasswordHasher.verify("caf\u00e9".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("cafe\u0301".toCharArray(), hash)).isTrue();
        assertThat(decomposed).as("the caller's array is left for the caller to wipe").containsExactly("cafe\u0301".toCharArray());
    }

    @Test
    void aHashMadeFromTheRawDecomposedFormBeforeNormalisingStillVerifies() {
        byte[] salt = new byte[PasswordHasher.SALT_BYTES];
        char[] raw = "cafe\u0301".toCharArray();
        PasswordHash old = new PasswordHash(1000, salt, PasswordHasher.pbkdf2(raw, salt, 1000, PasswordHasher.HASH_BYTES));

        assertThat(PasswordHasher.verify("cafe\u0301".toCharArray(), old)).as("the raw form, tried second").isTrue();
        assertThat(PasswordHasher.verify("caf\u00e9".toCharArray(), old)).as("typed composed, it never matched").isFalse();
        assertThat(PasswordHasher.nfc("plain".toCharArray())).containsExactly("plain".toCharArray());
    }
}
