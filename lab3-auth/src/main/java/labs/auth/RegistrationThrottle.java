package labs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits new registrations per client address, as a token bucket: an address may register
 * {@code burst} names at once, and one more for every hour / {@code perHour} after that. Why: each
 * registration costs the server a slow hash (about 0.2 s of CPU at 600,000 iterations) and a
 * rewrite of the whole identification file, so an anonymous client must not be able to ask for
 * hundreds. A burst of 0 means no limit. A full bucket is the same as none, so it is dropped.
 *
 * <p>Thread safety argument. Threads: every client thread that registers. {@code buckets} is a
 * {@link ConcurrentHashMap}; taking a token is one atomic {@code compute} on the address's
 * immutable {@link Bucket}, so two registrations at once cannot both take the last token. The
 * settings, clock and sweeper are final.
 */
final class RegistrationThrottle {
    private static final int SWEEP_FLOOR = 10_000;

    private record Bucket(double tokens, Instant updated) {
    }

    private final Clock clock;
    private final int burst;
    private final Duration perToken;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Sweeper<Bucket> sweeper = new Sweeper<>(buckets, SWEEP_FLOOR);

    RegistrationThrottle(Clock clock, int burst, int perHour) {
        this.clock = clock;
        this.burst = burst;
        this.perToken = Duration.ofHours(1).dividedBy(perHour);
    }

    /** Takes a registration for {@code address}: empty if it may go ahead, else how long until it may. */
    Optional<Duration> take(String address) {
        if (burst == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean[] granted = {false}; // compute runs its function exactly once, atomically
        Bucket after = buckets.compute(address, (k, old) -> {
            double tokens = refilled(old, now);
            if (tokens < 1) {
                return new Bucket(tokens, now);
            }
            granted[0] = true;
            return new Bucket(tokens - 1, now);
        });
        sweeper.afterInsert(bucket -> refilled(bucket, clock.instant()) >= burst);
        if (granted[0]) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - after.tokens()) * perToken.toMillis())));
    }

    private double refilled(Bucket bucket, Instant now) {
        if (bucket == null) {
            return burst;
        }
        double earned = (double) Duration.between(bucket.updated(), now).toMillis() / perToken.toMillis();
        return Math.min(burst, bucket.tokens() + Math.max(0, earned));
    }
}
