package labs.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

import labs.common.Connection;
import labs.common.ConnectionHandler;
import labs.common.EventLog;
import labs.common.LineReader;
import labs.common.LineWriter;

/**
 * Serves a client in two steps: first the {@link LoginProtocol}, under a time limit, then the
 * {@link AuthenticatedService} (lab 3's echo, lab 4's chat) with the same reader and writer, so
 * the service reads exactly the lines that follow the login's last one.
 *
 * <p>Thread safety: runs in every client's thread at once; its fields are final and refer to
 * thread-safe objects; the streams of one client are confined to that client's thread.
 */
public final class LoginHandler implements ConnectionHandler {
    private static final Duration HANG_UP_WAIT = Duration.ofSeconds(1);
    private static final long HANG_UP_MAX_BYTES = 64 * 1024;

    private final LoginProtocol login;
    private final AuthenticatedService service;
    private final Duration loginTimeout;
    private final int maxLineBytes;
    private final EventLog log;

    public LoginHandler(LoginProtocol login, AuthenticatedService service, AuthSettings settings, EventLog log) {
        this.login = login;
        this.service = service;
        this.loginTimeout = settings.loginTimeout();
        this.maxLineBytes = settings.maxLineBytes();
        this.log = log;
    }

    @Override
    public void handle(Connection connection) throws IOException {
        LoginDeadline deadline = new LoginDeadline(connection.socket(), connection.input(), loginTimeout);
        LineReader in = new LineReader(deadline, maxLineBytes);
        LineWriter out = new LineWriter(connection.output());
        Optional<String> user;
        try {
            user = login.login(in, out, connection.remoteAddress().getHostAddress(), connection.label());
        } catch (SocketTimeoutException e) {
            log.info(connection.label() + " did not log in within " + loginTimeout.toSeconds() + " s");
            out.writeLine("! you did not log in within " + loginTimeout.toSeconds() + " s: goodbye");
            hangUp(connection);
            return;
        }
        if (user.isEmpty()) {
            hangUp(connection);
            return;
        }
        deadline.lift();
        service.serve(new Session(connection, user.get(), in, out));
    }

    /**
     * Ends a failed login so that the client still reads our last line. Closing a socket that
     * has unread input (typical with {@code nc}, which sends all its lines at once) makes the
     * system send a reset instead of a normal end, and on some systems (Windows, for one) a reset
     * destroys data the client has received but not yet read: the goodbye. So: send
     * end-of-stream first, then read and drop what the client still sends, for a moment.
     * That moment is one deadline for the whole drain, not a timeout per read: a client that
     * trickles a byte now and then would otherwise keep its slot for hours, and a few such
     * clients would fill {@code --max-clients} without ever logging in.
     */
    private static void hangUp(Connection connection) {
        try {
            connection.socket().shutdownOutput();
            InputStream rest = new LoginDeadline(connection.socket(), connection.input(), HANG_UP_WAIT);
            byte[] dropped = new byte[4096];
            long total = 0;
            int n;
            while (total < HANG_UP_MAX_BYTES && (n = rest.read(dropped)) >= 0) {
                total += n;
            }
        } catch (IOException alreadyGone) {
            // The client closed first or is too slow to say goodbye to: either way we are done.
        }
    }
}
