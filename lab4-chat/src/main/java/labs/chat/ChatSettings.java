package labs.chat;

import java.time.Duration;

import labs.common.Options;
import labs.common.UsageException;

/**
 * The chat's own settings (the login has lab 3's AuthSettings): how much history a user sees
 * and the server keeps, how much may wait for one slow user, the flood limit and the idle limit.
 *
 * <p>The flood limit is a token bucket: a user may send {@code floodBurst} lines at once, then
 * {@code floodPerSecond} lines a second on average (a person types far fewer). A line over the
 * limit is dropped and the user warned; a user who goes on until {@code floodBurst} lines in a
 * row were dropped is disconnected. {@code floodPerSecond} 0 turns the limit off.
 *
 * <p>What may wait for one user is bounded twice, like an IRC server's SendQ: in messages and in
 * bytes. The byte limit is the one that bounds memory (a message may be one line or a 64 KiB
 * reply); one reply (the welcome, /history) holds at most {@link #replyBytes()}.
 *
 * <p>Immutable.
 *
 * @param historyShown       messages shown to a user who joins, and by {@code /history} without a number
 * @param historyKept        messages kept in memory (the most {@code /history n} may ask for)
 * @param outboundQueueLimit messages that may wait for one user; one more and that user is disconnected
 * @param sendQueueBytes     bytes that may wait for one user; more and that user is disconnected
 * @param floodBurst         lines a user may send at once
 * @param floodPerSecond     lines a second a user may send on average; 0 = no limit
 * @param idleTimeout        silence after which a user is warned; {@link Duration#ZERO} = no limit
 * @param idleWarning        time from the warning to the disconnect; at most {@code idleTimeout}
 */
public record ChatSettings(int historyShown, int historyKept, int outboundQueueLimit, long sendQueueBytes,
                           int floodBurst, int floodPerSecond, Duration idleTimeout, Duration idleWarning) {
    public static final int DEFAULT_HISTORY_SHOWN = 20;
    public static final int DEFAULT_HISTORY_KEPT = 1000;
    public static final int DEFAULT_QUEUE_LIMIT = 1000;
    public static final long DEFAULT_SEND_QUEUE_BYTES = 1024 * 1024;
    public static final int MIN_SEND_QUEUE_BYTES = 16 * 1024; // a longest line (4 KiB) and then some
    public static final int MAX_REPLY_BYTES = 64 * 1024;
    public static final int DEFAULT_FLOOD_BURST = 20;
    public static final int DEFAULT_FLOOD_PER_SECOND = 5;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MAX_IDLE_WARNING = Duration.ofMinutes(1);

    public ChatSettings {
        require(historyKept >= 1, "historyKept must be at least 1");
        require(historyShown >= 0 && historyShown <= historyKept, "historyShown must be between 0 and historyKept");
        require(outboundQueueLimit >= 1, "outboundQueueLimit must be at least 1");
        require(sendQueueBytes >= MIN_SEND_QUEUE_BYTES, "sendQueueBytes must be at least " + MIN_SEND_QUEUE_BYTES);
        require(floodBurst >= 1, "floodBurst must be at least 1");
        require(floodPerSecond >= 0, "floodPerSecond must not be negative");
        require(!idleTimeout.isNegative() && !idleWarning.isNegative(), "idle times must not be negative");
        require(idleWarning.compareTo(idleTimeout) <= 0, "idleWarning must not be longer than idleTimeout");
    }

    public static ChatSettings defaults() {
        return new ChatSettings(DEFAULT_HISTORY_SHOWN, DEFAULT_HISTORY_KEPT, DEFAULT_QUEUE_LIMIT, DEFAULT_SEND_QUEUE_BYTES,
                DEFAULT_FLOOD_BURST, DEFAULT_FLOOD_PER_SECOND, DEFAULT_IDLE_TIMEOUT, MAX_IDLE_WARNING);
    }

    /** Adds the chat's options to a server's options. */
    public static Options withOptions(Options options) {
        return options
                .option("--history", "N", Integer.toString(DEFAULT_HISTORY_SHOWN), "history messages shown to a user who joins")
                .option("--history-kept", "N", Integer.toString(DEFAULT_HISTORY_KEPT), "history messages kept (the most /history shows)")
                .option("--queue", "N", Integer.toString(DEFAULT_QUEUE_LIMIT), "messages waiting for a user who does not read before it is disconnected")
                .option("--send-queue-bytes", "N", Long.toString(DEFAULT_SEND_QUEUE_BYTES), "bytes waiting for a user who does not read before it is disconnected")
                .option("--flood-burst", "N", Integer.toString(DEFAULT_FLOOD_BURST), "lines a user may send at once")
                .option("--flood-rate", "N", Integer.toString(DEFAULT_FLOOD_PER_SECOND), "lines a second a user may send on average; 0 = no limit")
                .option("--idle-timeout", "SEC", Long.toString(DEFAULT_IDLE_TIMEOUT.toSeconds()),
                        "silence after which a user is warned, and a minute later disconnected; 0 = no limit");
    }

    public static ChatSettings from(Options parsed) throws UsageException {
        int kept = parsed.integer("--history-kept", 1, 1_000_000);
        Duration idle = Duration.ofSeconds(parsed.integer("--idle-timeout", 0, 7 * 86_400));
        return new ChatSettings(
                parsed.integer("--history", 0, kept),
                kept,
                parsed.integer("--queue", 1, 1_000_000),
                parsed.integer("--send-queue-bytes", MIN_SEND_QUEUE_BYTES, Integer.MAX_VALUE),
                parsed.integer("--flood-burst", 1, 1_000_000),
                parsed.integer("--flood-rate", 0, 1_000_000),
                idle, warningFor(idle));
    }

    /** The most one reply may take: a quarter of the send queue, so a reply alone never overflows it. */
    public int replyBytes() {
        return (int) Math.min(MAX_REPLY_BYTES, sendQueueBytes / 4);
    }

    public ChatSettings withHistory(int shown, int kept) {
        return new ChatSettings(shown, kept, outboundQueueLimit, sendQueueBytes, floodBurst, floodPerSecond, idleTimeout, idleWarning);
    }

    public ChatSettings withOutboundQueueLimit(int limit) {
        return new ChatSettings(historyShown, historyKept, limit, sendQueueBytes, floodBurst, floodPerSecond, idleTimeout, idleWarning);
    }

    public ChatSettings withSendQueueBytes(long bytes) {
        return new ChatSettings(historyShown, historyKept, outboundQueueLimit, bytes, floodBurst, floodPerSecond, idleTimeout, idleWarning);
    }

    public ChatSettings withFloodLimit(int burst, int perSecond) {
        return new ChatSettings(historyShown, historyKept, outboundQueueLimit, sendQueueBytes, burst, perSecond, idleTimeout, idleWarning);
    }

    /** The settings with no flood limit, for tests and benchmarks that send as fast as they can. */
    public ChatSettings withoutFloodLimit() {
        return withFloodLimit(floodBurst, 0);
    }

    public ChatSettings withIdleTimeout(Duration timeout, Duration warning) {
        return new ChatSettings(historyShown, historyKept, outboundQueueLimit, sendQueueBytes, floodBurst, floodPerSecond, timeout, warning);
    }

    /** A minute's warning, or the timeout itself when that is shorter. */
    static Duration warningFor(Duration timeout) {
        return timeout.compareTo(MAX_IDLE_WARNING) < 0 ? timeout : MAX_IDLE_WARNING;
    }

    /** {@code 30 min}, {@code 90 s}, {@code 200 ms}: how a user reads a duration. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** {@code 1 MiB}, {@code 64 KiB}, {@code 1000 bytes}. */
    static String describeBytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
