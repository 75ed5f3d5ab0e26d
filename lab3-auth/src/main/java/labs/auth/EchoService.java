package labs.auth;

import java.io.IOException;

import labs.common.EventLog;
import labs.common.LineTooLongException;

/**
 * Lab 3's service after login: sends every line back as {@code * echo: <line>} until the client
 * sends {@code /quit} or leaves. Labs 4 and 5 put the chat here instead.
 *
 * <p>Thread safety: no state of its own besides the thread-safe log; each session is confined
 * to its client's thread.
 */
public final class EchoService implements AuthenticatedService {
    private final EventLog log;

    public EchoService(EventLog log) {
        this.log = log;
    }

    @Override
    public void serve(Session session) throws IOException {
        session.out().writeLine("* echo service: every line you send comes back; /quit to leave");
        while (true) {
            String line;
            try {
                line = session.in().readLine();
            } catch (LineTooLongException e) {
                session.out().writeLine("! line too long: at most " + e.limit() + " bytes");
                continue;
            }
            if (line == null) {
                return;
            }
            if (line.trim().equals("/quit")) {
                session.out().writeLine("* bye, " + session.userName());
                return;
            }
            log.data(session.connection().label() + " " + session.userName() + " sent " + line.length() + " characters");
            session.out().writeLine("* echo: " + line);
        }
    }
}
