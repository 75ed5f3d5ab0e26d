package labs.auth;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A client's socket input with one deadline for the whole login (and for the drain after a failed one). Before every read it sets the
 * socket's read timeout to the time left, so a client that sends nothing, or trickles a byte
 * now and then, still meets the same deadline: the read throws {@link SocketTimeoutException}.
 * {@link #lift()} removes the deadline once the client has logged in.
 *
 * <p>Thread safety: confined to the client's thread, like the stream it wraps.
 */
final class LoginDeadline extends FilterInputStream {
    private final Socket socket;
    private final long deadlineNanos;
    private boolean lifted;

    LoginDeadline(Socket socket, InputStream in, Duration limit) {
        super(in);
        this.socket = socket;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    @Override
    public int read() throws IOException {
        armTimeout();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        armTimeout();
        return super.read(buffer, offset, length);
    }

    /** No deadline any more; reads block as long as they need. */
    void lift() throws IOException {
        lifted = true;
        socket.setSoTimeout(0);
    }

    private void armTimeout() throws IOException {
        if (lifted) {
            return;
        }
        long leftMillis = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
        if (leftMillis <= 0) {
            throw new SocketTimeoutException("login time limit reached");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
    }
}
