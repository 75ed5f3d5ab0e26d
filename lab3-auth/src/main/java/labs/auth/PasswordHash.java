package labs.auth;

import java.util.Arrays;
import java.util.Base64;

/**
 * A stored password: the PBKDF2-HMAC-SHA256 hash, its salt and the iteration count it was made
 * with. Storing the count with each hash lets the server raise it later: old hashes still verify,
 * and a user's hash is redone with the new count at their next login. Immutable (the arrays are
 * copied in and out).
 */
public final class PasswordHash {
    public static final String ALGORITHM = "pbkdf2-sha256";

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    public PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < 1 || salt.length < PasswordHasher.SALT_BYTES || hash.length != PasswordHasher.HASH_BYTES) {
            throw new IllegalArgumentException("need iterations >= 1, a salt of at least "
                    + PasswordHasher.SALT_BYTES + " bytes and a hash of " + PasswordHasher.HASH_BYTES + " bytes");
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    public int iterations() {
        return iterations;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    /** {@code pbkdf2-sha256 <iterations> <salt> <hash>}, salt and hash in Base64: the file's form. */
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + " " + iterations + " " + base64.encodeToString(salt) + " " + base64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return ALGORITHM + " with " + iterations + " iterations";
    }
}
