package labs.common;

import java.io.IOException;

/**
 * The per-client work: the protocol a server speaks with one client, from the first byte to the
 * last. It runs in whichever thread the server gives it (lab 1: the one server thread; lab 2: a
 * thread of the client's own) and does not know which.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Serves {@code connection} until the client leaves or the protocol ends. Returning means
     * the conversation is over; the server then closes the connection. An IOException ends
     * only this client, never the server.
     */
    void handle(Connection connection) throws IOException;
}
