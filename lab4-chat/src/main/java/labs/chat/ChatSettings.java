package labs.chat;

import labs.common.Options;
import labs.common.UsageException;

/**
 * The chat's own settings (the login has lab 3's AuthSettings): how much history a user sees
 * and the server keeps, how many messages may wait for one slow user, and the flood limit.
 *
 * <p>The flood limit is a token bucket: a user may send {@code floodBurst} lines at once, then
 * {@code floodPerSecond} lines a second on average (a person types far fewer). A line over the
 * limit is dropped and the user warned; a user who goes on until {@code floodBurst} lines in a
 * row were dropped is disconnected. {@code floodPerSecond} 0 turns the limit off.
 *
 * <p>Immutable.
 *
 * @param historyShown       messages shown to a user who joins, and by {@code /history} without a number
 * @param historyKept        messages kept in memory (the most {@code /history n} shows)
 * @param outboundQueueLimit messages that may wait for one user; one more and that user is disconnected
 * @param floodBurst         lines a user may send at once
 * @param floodPerSecond     lines a second a user may send on average; 0 = no limit
 */
public record ChatSettings(int historyShown, int historyKept, int outboundQueueLimit, int floodBurst, int floodPerSecond) {
    public static final int DEFAULT_HISTORY_SHOWN = 20;
    public static final int DEFAULT_HISTORY_KEPT = 1000;
    public static final int DEFAULT_QUEUE_LIMIT = 1000;
    public static final int DEFAULT_FLOOD_BURST = 20;
    public static final int DEFAULT_FLOOD_PER_SECOND = 5;

    public ChatSettings {
        require(historyKept >= 1, "historyKept must be at least 1");
        require(historyShown >= 0 && historyShown <= historyKept, "historyShown must be between 0 and historyKept");
        require(outboundQueueLimit >= 1, "outboundQueueLimit must be at least 1");
        require(floodBurst >= 1, "floodBurst must be at least 1");
        require(floodPerSecond >= 0, "floodPerSecond must not be negative");
    }

    public static ChatSettings defaults() {
        return new ChatSettings(DEFAULT_HISTORY_SHOWN, DEFAULT_HISTORY_KEPT, DEFAULT_QUEUE_LIMIT,
                DEFAULT_FLOOD_BURST, DEFAULT_FLOOD_PER_SECOND);
    }

    /** Adds the chat's options to a server's options. */
    public static Options withOptions(Options options) {
        return options
                .option("--history", "N", Integer.toString(DEFAULT_HISTORY_SHOWN), "history messages shown to a user who joins")
                .option("--history-kept", "N", Integer.toString(DEFAULT_HISTORY_KEPT), "history messages kept (the most /history shows)")
                .option("--queue", "N", Integer.toString(DEFAULT_QUEUE_LIMIT), "messages waiting for a user who does not read before it is disconnected")
                .option("--flood-burst", "N", Integer.toString(DEFAULT_FLOOD_BURST), "lines a user may send at once")
                .option("--flood-rate", "N", Integer.toString(DEFAULT_FLOOD_PER_SECOND), "lines a second a user may send on average; 0 = no limit");
    }

    public static ChatSettings from(Options parsed) throws UsageException {
        int kept = parsed.integer("--history-kept", 1, 1_000_000);
        return new ChatSettings(
                parsed.integer("--history", 0, kept),
                kept,
                parsed.integer("--queue", 1, 1_000_000),
                parsed.integer("--flood-burst", 1, 1_000_000),
                parsed.integer("--flood-rate", 0, 1_000_000));
    }

    public ChatSettings withHistory(int shown, int kept) {
        return new ChatSettings(shown, kept, outboundQueueLimit, floodBurst, floodPerSecond);
    }

    public ChatSettings withOutboundQueueLimit(int limit) {
        return new ChatSettings(historyShown, historyKept, limit, floodBurst, floodPerSecond);
    }

    public ChatSettings withFloodLimit(int burst, int perSecond) {
        return new ChatSettings(historyShown, historyKept, outboundQueueLimit, burst, perSecond);
    }

    /** The settings with no flood limit, for tests and benchmarks that send as fast as they can. */
    public ChatSettings withoutFloodLimit() {
        return withFloodLimit(floodBurst, 0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
