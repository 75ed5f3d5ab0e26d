package labs.auth;

import labs.common.Connection;
import labs.common.LineReader;
import labs.common.LineWriter;

/**
 * A logged-in client, as the service after login sees it.
 *
 * <p>Thread safety: immutable; the reader is confined to the client's thread, the writer is
 * thread-safe, the connection may be closed from any thread.
 *
 * @param connection the client's connection
 * @param userName   the name the client logged in with, as registered
 * @param in         reads the client's next lines (the login has consumed its own)
 * @param out        writes lines to the client
 */
public record Session(Connection connection, String userName, LineReader in, LineWriter out) {
}
