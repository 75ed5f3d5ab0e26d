package labs.auth;

import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA256 and a random salt per user.
 * <ul>
 *   <li>A slow hash (600,000 iterations by default) makes each guess cost the attacker who stole
 *       the file as much as it costs the server once per login.</li>
 *   <li>A random salt per user means equal passwords get different hashes, and a table of
 *       precomputed hashes is useless.</li>
 *   <li>{@link MessageDigest#isEqual} compares in time that does not depend on where the first
 *       difference is, so response times leak nothing about the stored hash.</li>
 *   <li>The password arrives as a {@code char[]} that the caller wipes; the key spec's copy is
 *       cleared here.</li>
 *   <li>The password is put in Unicode NFC before hashing and checking: "é" typed as one
 *       character or as "e" plus a combining accent (as macOS sends it) is the same password.</li>
 * </ul>
 *
 * <p>Thread safety: immutable settings; {@link SecureRandom} and a new {@link SecretKeyFactory}
 * per call are safe to use from every client thread at once.
 */
public final class PasswordHasher {
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    /** A new hash of {@code password} with a fresh salt and this hasher's iteration count. */
    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        char[] normal = nfc(password);
        try {
            return new PasswordHash(iterations, salt, pbkdf2(normal, salt, iterations, HASH_BYTES));
        } finally {
            wipeCopy(normal, password);
        }
    }

    /** True when {@code password} is the one {@code stored} was made from; runs the stored iteration count. */
    public static boolean verify(char[] password, PasswordHash stored) {
        char[] normal = nfc(password);
        try {
            // Hashes made before passwords were normalised hold the raw form: when the NFC form
            // fails and the raw form differs, try that too, or those users could never log in again.
            return matches(normal, stored) || normal != password && matches(password, stored);
        } finally {
            wipeCopy(normal, password);
        }
    }

    /** The password in NFC: the same array when it already is (the usual case), else a copy the caller wipes. */
    static char[] nfc(char[] password) {
        CharBuffer chars = CharBuffer.wrap(password);
        if (Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
            return password;
        }
        return Normalizer.normalize(chars, Normalizer.Form.NFC).toCharArray(); // the String in between cannot be wiped
    }

    private static boolean matches(char[] password, PasswordHash stored) {
        byte[] candidate = pbkdf2(password, stored.salt(), stored.iterations(), HASH_BYTES);
        try {
            return MessageDigest.isEqual(candidate, stored.hash());
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static void wipeCopy(char[] normal, char[] original) {
        if (normal != original) {
            Arrays.fill(normal, '\0');
        }
    }

    /** PBKDF2-HMAC-SHA256 (RFC 8018) of the password's UTF-8 bytes. */
    public static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int lengthBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, lengthBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 8+ runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
