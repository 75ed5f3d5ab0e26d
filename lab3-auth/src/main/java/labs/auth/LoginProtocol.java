package labs.auth;

import java.io.IOException;
import java.util.Optional;

import labs.common.EventLog;
import labs.common.LineReader;
import labs.common.LineWriter;

/**
 * The login conversation, on a line reader and a line writer (no sockets here, so tests run it
 * on in-memory streams). Every line the server sends starts with a tag: {@code * } information,
 * {@code ? } a prompt that the client's next line answers, {@code ! } an error.
 * <pre>
 * login    := greeting { name-step } ( logged-in | goodbye )
 * greeting := "* welcome back, NAME: ..."   (this address logged in as NAME before)
 *           | "* welcome: ..."
 * name-step:= "? name [NAME]" | "? name"    answer: a name, an empty line (= NAME), "/token T", "/quit"
 *   known name  → "? password for NAME"                       (wrong: "! wrong password", asked again)
 *   new name    → "? new password", "? repeat password"         (too short or different: "! ...", asked again)
 *                 or "! ..." and the name prompt again: too many registrations from this address, or the server is full
 *   "/token T"  → logged in as T's owner, or "! unknown or expired token" and the name prompt again
 * logged-in:= "* welcome, NAME: you are logged in" "* token T valid until ISO-INSTANT"
 * goodbye  := "! ..." and the connection is closed: 3 wrong answers, a lock-out, the time limit
 *           | "* bye" and the connection is closed: the client sent "/quit"
 * </pre>
 * Wrong answers (a bad name, a wrong password, a short or mistyped new password, a bad token, a
 * line too long) count; the {@value #MAX_WRONG_ANSWERS}rd ends the connection. Failed passwords
 * and tokens also count in the {@link LoginThrottle}, per name and per address, across connections.
 * A locked-out address may still log in with a token; its password guesses and registrations are
 * refused. New registrations are limited per address ({@link RegistrationThrottle}) and in number.
 *
 * <p>Thread safety argument. Threads: every client thread runs {@link #login} at once. This
 * object's fields are final references to thread-safe objects (the identification file, token
 * store, both throttles, hasher, log); everything that belongs to one conversation lives in a
 * {@link LoginConversation} and a {@link LoginDialog}, both confined to its client's thread.
 */
public final class LoginProtocol {
    public static final int MAX_WRONG_ANSWERS = 3;

    final IdentificationFile ids;
    final TokenStore tokens;
    final LoginThrottle throttle;
    final RegistrationThrottle registrations;
    final PasswordHasher hasher;
    final int minPasswordLength;
    final EventLog log;

    public LoginProtocol(IdentificationFile ids, TokenStore tokens, LoginThrottle throttle, AuthSettings settings, EventLog log) {
        this.ids = ids;
        this.tokens = tokens;
        this.throttle = throttle;
        this.registrations = new RegistrationThrottle(settings.clock(), settings.registerBurst(), settings.registerPerHour());
        this.hasher = new PasswordHasher(settings.passwordIterations());
        this.minPasswordLength = settings.minPasswordLength();
        this.log = log;
    }

    /**
     * Talks a client through the login. Returns the name it logged in as (as registered), or
     * empty when the conversation is over: the client has been told why and is to be disconnected.
     *
     * @param address the client's IP address, e.g. {@code 127.0.0.1}
     * @param label   how the log names this client
     */
    public Optional<String> login(LineReader in, LineWriter out, String address, String label) throws IOException {
        try {
            return Optional.of(new LoginConversation(this, new LoginDialog(in, out), address, label).run());
        } catch (LoginDialog.EndOfLogin end) {
            log.info(label + " login ended: " + end.getMessage());
            return Optional.empty();
        }
    }
}
