package labs.chat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * RACE LESSON, NOT THREAD-SAFE: every thread that has a message for a user writes it straight
 * to that user's socket, the way it is usually first written: a prefix, the text and the end of
 * line as three calls. Never used by the server; {@link Member}, with its one writer thread per
 * connection, is the fix. See {@code SingleWriterRaceTest}.
 *
 * <p>Each PrintWriter call holds the writer's lock by itself, and on JDK 13 and newer one
 * {@code write} to a socket's stream holds the socket's write lock until every byte is out
 * ({@code sun.nio.ch.NioSocketImpl.write}); neither is an API promise, and neither covers
 * three calls. Between alice's prefix and her text, bob's thread may send a whole line:
 * <table>
 *   <caption>What carol may read when alice and bob send to her at once</caption>
 *   <tr><th>outcome</th><th>verdict</th></tr>
 *   <tr><td>{@code <alice> hello} then {@code <bob> hi}, or the other order</td><td>acceptable</td></tr>
 *   <tr><td>{@code <alice> <bob> hi} then {@code hello}</td><td>forbidden: garbled lines</td></tr>
 * </table>
 * A lock around the three calls would fix the garbling but would make alice wait for carol's
 * socket; a queue and a single writer thread fix both.
 *
 * <p>Thread safety: none, on purpose. {@code out} is shared by every sender with no lock
 * around a whole message.
 */
public final class UnsafeSharedWriter {
    private final PrintWriter out;
    private final Runnable betweenCalls;

    public UnsafeSharedWriter(OutputStream socket) {
        this(socket, () -> { });
    }

    /** @param betweenCalls runs after the prefix is printed, before the text; tests pause here */
    public UnsafeSharedWriter(OutputStream socket, Runnable betweenCalls) {
        this.out = new PrintWriter(socket, false, StandardCharsets.UTF_8);
        this.betweenCalls = betweenCalls;
    }

    /** The bug: called by many threads at once, and nothing keeps one message's three calls together. */
    public void send(String from, String text) {
        out.print("<" + from + "> ");
        betweenCalls.run();
        out.print(text);
        out.print('\n'); // the chat protocol ends lines with \n on every platform, so not println()
        out.flush();
    }
}
