package labs.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens ("cookies"): after a login the client gets a random token, and may log in with
 * it instead of a password until it expires. A token is 256 random bits from {@link SecureRandom}
 * in URL-safe Base64, so guessing one is hopeless. Only its SHA-256 hash is kept: someone who
 * reads the server's memory (or a future tokens file) cannot log in with what they read. A fast
 * unsalted hash is enough here, unlike for passwords, because a random token cannot be found by
 * trying likely values. Tokens live in memory only: a server restart logs everybody out.
 *
 * <p>A token is used once: logging in with it consumes it and the login issues a new one. It is
 * honoured only for the very user record it was issued for, so after lab 5's clear-ids a token
 * from before does not log in a new user who registers the same name.
 *
 * <p>An expired token is refused when it is presented, and dropped then; the ones never presented
 * are dropped by an amortised {@link Sweeper}, not by a scan of every token at every login.
 *
 * <p>Thread safety argument. Threads: every client thread (issue, redeem), lab 5's operator
 * (clear). {@code byHash} is a {@link ConcurrentHashMap}; redeeming is one atomic
 * {@code remove}, so two clients presenting the same token at once cannot both log in with it.
 * {@code clock}, {@code lifetime}, {@code random} and the sweeper are final and thread-safe.
 */
public final class TokenStore {
    private static final int TOKEN_BYTES = 32;
    private static final int SWEEP_FLOOR = 1024;

    /** A token as the client receives it. */
    public record Token(String text, Instant expires) {
    }

    private record Entry(IdentificationFile.User owner, Instant expires) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final Sweeper<Entry> sweeper = new Sweeper<>(byHash, SWEEP_FLOOR);

    public TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new token for {@code owner}, valid for the configured lifetime. */
    public Token issue(IdentificationFile.User owner) {
        Instant now = clock.instant();
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Token token = new Token(text, now.plus(lifetime));
        byHash.put(hash(text), new Entry(owner, token.expires()));
        sweeper.afterInsert(entry -> !clock.instant().isBefore(entry.expires())); // expired ones are useless: drop them
        return token;
    }

    /** The user {@code token} was issued for, if it is known and unexpired; the token is used up either way. */
    public Optional<IdentificationFile.User> redeem(String token) {
        Entry entry = byHash.remove(hash(token));
        if (entry == null || !clock.instant().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.owner());
    }

    /** Forgets every token. */
    public void clear() {
        byHash.clear();
    }

    /** Tokens held, expired ones included until they are presented or swept. */
    public int size() {
        return byHash.size();
    }

    /** Tokens tested by sweeps so far (tests show it grows with the logins, not with their square). */
    long scanned() {
        return sweeper.scanned();
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
