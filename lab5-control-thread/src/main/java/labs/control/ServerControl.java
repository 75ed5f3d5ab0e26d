package labs.control;

import java.io.IOException;
import java.time.Duration;

/**
 * What the operator console may do to a running server; the console knows nothing else about
 * it. The real one is {@link ChatServerControl}; tests give the console a fake.
 *
 * <p>Every method is called by the console's thread (main), and {@link #shutdown()} also by the
 * shutdown hook on Ctrl+C, so implementations must be thread-safe, and {@code shutdown} must be
 * safe to call twice and at the same time.
 */
public interface ServerControl {

    /** A snapshot of the server for {@code status}. */
    record Status(boolean listening, boolean stopped, String host, int port, int usersOnline,
                  int connections, Duration uptime, long clientsServed) {
    }

    Status status();

    /** Stops listening; connected clients go on. False when the server was not listening. */
    boolean pause();

    /**
     * Listens again on the same port. False when the server was not paused; a
     * {@link java.net.BindException} (and still paused) when the port was taken meanwhile.
     */
    boolean resume() throws IOException;

    /**
     * Forgets every stored user, password and IP record and invalidates every session token;
     * users online stay connected. Returns how many users were forgotten.
     */
    int clearIdentities() throws IOException;

    /**
     * Tells the users, closes every connection, waits for every server thread to end and closes
     * the files. Returns false when another call already did (or is doing) it; in both cases
     * the server has stopped when this returns.
     */
    boolean shutdown();

    /** True when the last {@link #shutdown()} saw every server thread end in time. */
    boolean terminatedCleanly();
}
