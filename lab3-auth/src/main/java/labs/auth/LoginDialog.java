package labs.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import labs.common.LineReader;
import labs.common.LineTooLongException;
import labs.common.LineWriter;

/**
 * The mechanics of one login conversation: ask with a {@code ? } prompt and read the answer,
 * report a wrong answer with {@code ! } and count it, turn away a locked-out client. When the
 * conversation must end, the client is told why and {@link EndOfLogin} is thrown.
 *
 * <p>Thread safety: confined to one client's thread (it holds that client's streams and count).
 */
final class LoginDialog {
    /** Ends the conversation; the client has already been told why. */
    static final class EndOfLogin extends Exception {
        private static final long serialVersionUID = 1L;

        EndOfLogin(String why) {
            super(why, null, false, false);
        }
    }

    private final LineReader in;
    private final LineWriter out;
    private int wrongAnswers;

    LoginDialog(LineReader in, LineWriter out) {
        this.in = in;
        this.out = out;
    }

    /** Sends an information or error line as it is (with its tag). */
    void tell(String line) throws IOException {
        out.writeLine(line);
    }

    /** Sends {@code prompt} and returns the answer; a line too long is a wrong answer and the prompt is repeated. */
    String ask(String prompt) throws IOException, EndOfLogin {
        while (true) {
            out.writeLine(prompt);
            String line;
            try {
                line = in.readLine();
            } catch (LineTooLongException e) {
                wrong("line too long: at most " + e.limit() + " bytes");
                continue;
            }
            if (line == null) {
                throw new EndOfLogin("client left");
            }
            return line;
        }
    }

    /** The answer as characters the caller wipes. The line's String cannot be wiped; it is dropped at once. */
    char[] askSecret(String prompt) throws IOException, EndOfLogin {
        return ask(prompt).toCharArray();
    }

    /** Reports a wrong answer; the {@value LoginProtocol#MAX_WRONG_ANSWERS}rd ends the conversation. */
    void wrong(String message) throws IOException, EndOfLogin {
        out.writeLine("! " + message);
        if (++wrongAnswers >= LoginProtocol.MAX_WRONG_ANSWERS) {
            out.writeLine("! " + LoginProtocol.MAX_WRONG_ANSWERS + " wrong answers: goodbye");
            throw new EndOfLogin(LoginProtocol.MAX_WRONG_ANSWERS + " wrong answers");
        }
    }

    /** Ends the conversation when {@code key} is locked out; the same words for every key, so they reveal nothing. */
    void refuseIfLocked(LoginThrottle throttle, String key) throws IOException, EndOfLogin {
        Optional<Duration> locked = throttle.lockedFor(key);
        if (locked.isPresent()) {
            lockedOut(key, locked.get());
        }
    }

    /** Ends the conversation: {@code what} is locked out for {@code wait}. */
    void lockedOut(String what, Duration wait) throws IOException, EndOfLogin {
        long seconds = seconds(wait);
        out.writeLine("! too many failed logins: try again in " + seconds + " s");
        throw new EndOfLogin("locked out (" + what + ") for " + seconds + " s");
    }

    /** Whole seconds, rounded up, at least 1: what a client is told to wait. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
