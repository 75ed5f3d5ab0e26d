package labs.auth;

import java.io.IOException;

/**
 * What a client gets once it has logged in: lab 3's own echo service, lab 4's chat. The login
 * runs first, in the same thread; returning ends the conversation.
 */
@FunctionalInterface
public interface AuthenticatedService {
    void serve(Session session) throws IOException;
}
