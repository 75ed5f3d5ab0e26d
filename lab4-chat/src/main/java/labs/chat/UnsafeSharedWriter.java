package labs.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RACE LESSON, NOT THREAD-SAFE: every thread that has a message for a user writes it straight
 * to that user's socket stream. Never used by the server; {@link Member}, with its one writer
 * thread per connection, is the fix. See {@code SingleWriterRaceTest}.
 *
 * <p>One {@code write} call is not one indivisible event: a stream may pass the bytes on in
 * pieces (a socket whose buffer is nearly full takes part of them and blocks; a buffered or
 * character writer splits them), and nothing stops a second thread writing between two pieces.
 * With alice and bob sending to carol at once:
 * <table>
 *   <caption>What carol may read</caption>
 *   <tr><th>outcome</th><th>verdict</th></tr>
 *   <tr><td>{@code <alice> hello} then {@code <bob> hi}, or the other order</td><td>acceptable</td></tr>
 *   <tr><td>{@code <alice> hel<bob> hi} then {@code lo}</td><td>forbidden: garbled lines</td></tr>
 * </table>
 * A lock around each write would fix the garbling but would make alice wait for carol's socket;
 * a queue and a single writer thread fix both.
 */
public final class UnsafeSharedWriter {
    private final OutputStream out;

    public UnsafeSharedWriter(OutputStream out) {
        this.out = out;
    }

    /** The bug: called by many threads at once, with nothing that keeps their bytes apart. */
    public void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
