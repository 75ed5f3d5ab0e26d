package labs.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import labs.common.LineReader;
import labs.common.Options;
import labs.common.UsageException;

/**
 * How the login behaves: where the identification file lives, how hard passwords are hashed,
 * how long a client may take to log in and a token stays valid, and when guessing is locked out.
 * Immutable.
 *
 * @param dataDir             folder of the identification file
 * @param passwordIterations  PBKDF2 iterations for new hashes (OWASP 2023: 600,000 for HMAC-SHA256)
 * @param loginTimeout        a client that has not logged in by then is told so and disconnected
 * @param tokenLifetime       how long a session token stays valid
 * @param maxLineBytes        longest line accepted from a client
 * @param minPasswordLength   shortest password accepted at registration, in characters
 * @param lockoutAfter        failed logins for one name or one address before it is locked out
 * @param lockoutDuration     first lock-out; each further failure doubles it, up to {@link LoginThrottle#MAX_LOCKOUT}
 * @param registerBurst       new names one address may register at once (0 = no limit), see {@link RegistrationThrottle}
 * @param registerPerHour     how fast that allowance comes back, in names per hour
 * @param maxUsers            most users the identification file may hold; registrations past it are refused
 * @param clock               the time for token expiry and lock-outs (tests pass a fake one)
 */
public record AuthSettings(Path dataDir, int passwordIterations, Duration loginTimeout, Duration tokenLifetime,
                           int maxLineBytes, int minPasswordLength, int lockoutAfter, Duration lockoutDuration,
                           int registerBurst, int registerPerHour, int maxUsers, Clock clock) {
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final String FILE_NAME = "identification.txt";

    public AuthSettings {
        if (passwordIterations < 1 || minPasswordLength < 1 || lockoutAfter < 1 || maxLineBytes < 64
                || registerBurst < 0 || registerPerHour < 1 || maxUsers < 1) {
            throw new IllegalArgumentException("iterations, password length, lock-out count, registrations per hour, "
                    + "user limit must be positive; burst not negative; line limit at least 64");
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero() || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Adds the login's options to a server's options. */
    public static Options withOptions(Options options) {
        return withOptions(options, "<lab>");
    }

    /** As {@link #withOptions(Options)}, with the lab's default data dir shown in the help. */
    public static Options withOptions(Options options, String labName) {
        return options
                .option("--data-dir", "DIR", "", "folder of the identification file (default ~/.tcp-labs/" + labName + ")")
                .option("--iterations", "N", Integer.toString(DEFAULT_ITERATIONS), "PBKDF2 iterations for new password hashes")
                .option("--login-timeout", "SEC", "60", "time a client has to log in")
                .option("--token-ttl", "SEC", "86400", "how long a session token stays valid")
                .option("--min-password", "N", "8", "shortest password accepted, in characters")
                .option("--lockout-after", "N", "5", "failed logins per name or address before a lock-out")
                .option("--lockout", "SEC", "60", "first lock-out; it doubles with each further failure, up to 1 hour")
                .option("--register-burst", "N", "30", "new names one address may register at once; 0 = no limit")
                .option("--register-per-hour", "N", "30", "how many of those come back per hour")
                .option("--max-users", "N", "10000", "most users the identification file holds; then registrations are refused");
    }

    /** The settings read from options declared by {@link #withOptions}; the data dir defaults to ~/.tcp-labs/{@code labName}. */
    public static AuthSettings from(Options parsed, String labName) throws UsageException {
        String dir = parsed.string("--data-dir").trim();
        Path dataDir = dir.isEmpty() ? Path.of(System.getProperty("user.home"), ".tcp-labs", labName) : Path.of(dir);
        return new AuthSettings(dataDir,
                parsed.integer("--iterations", 1, 100_000_000),
                Duration.ofSeconds(parsed.integer("--login-timeout", 1, 86_400)),
                Duration.ofSeconds(parsed.integer("--token-ttl", 1, 365 * 86_400)),
                LineReader.DEFAULT_MAX_BYTES,
                parsed.integer("--min-password", 1, 1024),
                parsed.integer("--lockout-after", 1, 1000),
                Duration.ofSeconds(parsed.integer("--lockout", 1, 86_400)),
                parsed.integer("--register-burst", 0, 1_000_000),
                parsed.integer("--register-per-hour", 1, 1_000_000),
                parsed.integer("--max-users", 1, 10_000_000),
                Clock.systemUTC());
    }

    /** Cheap hashing (1,000 iterations), a login limit long enough for any test, no registration limits; the real clock. */
    public static AuthSettings forTests(Path dataDir) {
        return new AuthSettings(dataDir, 1000, Duration.ofSeconds(30), Duration.ofHours(1),
                LineReader.DEFAULT_MAX_BYTES, 8, 5, Duration.ofSeconds(60), 0, 30, 10_000_000, Clock.systemUTC());
    }

    /** The identification file inside {@link #dataDir}. */
    public Path identificationFile() {
        return dataDir.resolve(FILE_NAME);
    }

    public AuthSettings withClock(Clock newClock) {
        return new AuthSettings(dataDir, passwordIterations, loginTimeout, tokenLifetime, maxLineBytes,
                minPasswordLength, lockoutAfter, lockoutDuration, registerBurst, registerPerHour, maxUsers, newClock);
    }

    public AuthSettings withLoginTimeout(Duration timeout) {
        return new AuthSettings(dataDir, passwordIterations, timeout, tokenLifetime, maxLineBytes,
                minPasswordLength, lockoutAfter, lockoutDuration, registerBurst, registerPerHour, maxUsers, clock);
    }

    public AuthSettings withIterations(int iterations) {
        return new AuthSettings(dataDir, iterations, loginTimeout, tokenLifetime, maxLineBytes,
                minPasswordLength, lockoutAfter, lockoutDuration, registerBurst, registerPerHour, maxUsers, clock);
    }

    public AuthSettings withRegistrationLimits(int burst, int perHour, int users) {
        return new AuthSettings(dataDir, passwordIterations, loginTimeout, tokenLifetime, maxLineBytes,
                minPasswordLength, lockoutAfter, lockoutDuration, burst, perHour, users, clock);
    }
}
