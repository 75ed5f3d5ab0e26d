package labs.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import labs.common.EventLog;

/**
 * One client's way through the login (see {@link LoginProtocol} for the grammar): the name
 * prompt, then a token, a password, or a registration, and finally a new token. The prompts and
 * the count of wrong answers are the {@link LoginDialog}'s.
 *
 * <p>Thread safety: confined to one client's thread; the shared objects it uses (identification
 * file, tokens, both throttles, hasher, log) are thread-safe, and the slow hashing runs outside the
 * identification file's lock.
 */
final class LoginConversation {
    private final IdentificationFile ids;
    private final TokenStore tokens;
    private final LoginThrottle throttle;
    private final RegistrationThrottle registrations;
    private final PasswordHasher hasher;
    private final int minPasswordLength;
    private final EventLog log;
    private final LoginDialog dialog;
    private final String address;
    private final String addressKey;
    private final String label;

    LoginConversation(LoginProtocol shared, LoginDialog dialog, String address, String label) {
        this.ids = shared.ids;
        this.tokens = shared.tokens;
        this.throttle = shared.throttle;
        this.registrations = shared.registrations;
        this.hasher = shared.hasher;
        this.minPasswordLength = shared.minPasswordLength;
        this.log = shared.log;
        this.dialog = dialog;
        this.address = address;
        this.addressKey = "address:" + address;
        this.label = label;
    }

    /** The name logged in as; {@link LoginDialog.EndOfLogin} when the client is to be disconnected. */
    String run() throws IOException, LoginDialog.EndOfLogin {
        // A locked address is not turned away here: a known user behind it (a classroom's NAT) may still use a token.
        Optional<String> remembered = ids.lastNameFrom(address);
        dialog.tell(remembered
                .map(name -> "* welcome back, " + name + ": press Enter to log in as " + name + ", or type another name")
                .orElse("* welcome: type your name to log in or to register (or /token T to use a session token)"));
        while (true) {
            String answer = dialog.ask(remembered.map(name -> "? name [" + name + "]").orElse("? name")).trim();
            if (answer.equals("/quit")) {
                dialog.tell("* bye");
                throw new LoginDialog.EndOfLogin("client quit");
            }
            if (answer.equals("/token") || answer.startsWith("/token ")) {
                Optional<IdentificationFile.User> owner = redeem(answer.substring("/token".length()).trim());
                if (owner.isPresent()) {
                    return loggedIn(owner.get(), "token");
                }
                throttle.failure(addressKey);
                dialog.wrong("unknown or expired token: log in with your name and password");
                continue;
            }
            String typed = answer.isEmpty() && remembered.isPresent() ? remembered.get() : answer;
            Optional<IdentificationFile.User> user = ids.find(typed); // a known name logs in even if today's rules would refuse it
            String name;
            try {
                name = user.isPresent() ? user.get().name() : UserNames.validate(typed);
            } catch (IllegalArgumentException badName) {
                dialog.wrong(badName.getMessage());
                continue;
            }
            dialog.refuseIfLocked(throttle, nameKey(name));
            if (user.isPresent()) {
                return loggedIn(checkPassword(user.get()), "password");
            }
            Optional<IdentificationFile.User> registered = mayRegister() ? register(name) : Optional.empty();
            if (registered.isPresent()) {
                return loggedIn(registered.get(), "new registration");
            }
        }
    }

    private Optional<IdentificationFile.User> redeem(String token) {
        return tokens.redeem(token).filter(owner -> ids.find(owner.name()).filter(owner::equals).isPresent());
    }

    private IdentificationFile.User checkPassword(IdentificationFile.User user) throws IOException, LoginDialog.EndOfLogin {
        String nameKey = nameKey(user.name());
        while (true) {
            dialog.refuseIfLocked(throttle, nameKey);    // say so before the client types a password;
            dialog.refuseIfLocked(throttle, addressKey); // the guess below decides, atomically
            char[] password = dialog.askSecret("? password for " + user.name());
            GuessLimiter.Verdict verdict;
            try {
                // Counted before it is checked, for the name and the address: see LoginThrottle#guess.
                verdict = throttle.guess(() -> PasswordHasher.verify(password, user.password()), nameKey, addressKey);
                if (verdict.outcome() == GuessLimiter.Outcome.RIGHT) {
                    throttle.success(nameKey); // never the address's: a login of one's own must not pay for guesses
                    return rehashIfOutdated(user, password);
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            if (verdict.outcome() == GuessLimiter.Outcome.LOCKED) {
                dialog.lockedOut(nameKey + ", " + addressKey, verdict.lockedFor());
            }
            log.info(label + " wrong password for " + user.name());
            dialog.wrong("wrong password");
        }
    }

    /**
     * Whether this address may register now; if not, says why (as a wrong answer). Why: each
     * registration costs a slow hash and a rewrite of the file, so an anonymous client gets few.
     */
    private boolean mayRegister() throws IOException, LoginDialog.EndOfLogin {
        dialog.refuseIfLocked(throttle, addressKey); // a locked address registers no new names either
        if (!ids.hasRoom()) {
            dialog.wrong(fullMessage());
            return false;
        }
        Optional<Duration> wait = registrations.take(address);
        if (wait.isPresent()) {
            log.info(label + " registration refused: too many from " + address);
            dialog.wrong("too many new registrations from your address: try again in " + LoginDialog.seconds(wait.get()) + " s");
            return false;
        }
        return true;
    }

    private String fullMessage() {
        return "no new registrations: the server already holds its limit of " + ids.maxUsers() + " users";
    }

    /** Empty when someone else registered the name meanwhile; the client is asked for a name again. */
    private Optional<IdentificationFile.User> register(String name) throws IOException, LoginDialog.EndOfLogin {
        dialog.tell("* " + name + " is a new name: choose a password of at least " + minPasswordLength
                + " characters; it is stored only as a salted hash");
        while (true) {
            char[] first = dialog.askSecret("? new password");
            char[] second = null;
            try {
                if (Character.codePointCount(first, 0, first.length) < minPasswordLength) {
                    dialog.wrong("password too short: at least " + minPasswordLength + " characters");
                    continue;
                }
                second = dialog.askSecret("? repeat password");
                if (!Arrays.equals(first, second)) {
                    dialog.wrong("the two passwords differ");
                    continue;
                }
                PasswordHash hash = hasher.hash(first); // slow on purpose; done before taking the file's lock
                if (!save(name, hash)) {
                    dialog.tell("! the name " + name + " was registered by someone else a moment ago: choose another");
                    return Optional.empty();
                }
                log.info(label + " registered " + name);
                return Optional.of(new IdentificationFile.User(name, hash));
            } finally {
                Arrays.fill(first, '\0');
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }

    private boolean save(String name, PasswordHash hash) throws IOException, LoginDialog.EndOfLogin {
        try {
            return ids.register(name, hash);
        } catch (IdentificationFile.Full full) { // filled up by others while this client typed its password
            dialog.tell("! " + fullMessage());
            throw new LoginDialog.EndOfLogin(full.getMessage());
        } catch (IOException e) {
            log.info("cannot save the identification file: " + e.getMessage());
            dialog.tell("! the server cannot save new users right now: try again later");
            throw new LoginDialog.EndOfLogin("registration not saved: " + e.getMessage());
        }
    }

    /** Redoes a hash made with fewer iterations than the server now uses (the password is at hand only now). */
    private IdentificationFile.User rehashIfOutdated(IdentificationFile.User user, char[] password) {
        if (user.password().iterations() >= hasher.iterations()) {
            return user;
        }
        IdentificationFile.User updated = new IdentificationFile.User(user.name(), hasher.hash(password));
        try {
            return ids.updatePassword(user.name(), updated.password()) ? updated : user;
        } catch (IOException e) {
            log.info("cannot save the new hash of " + user.name() + ": " + e.getMessage());
            return user;
        }
    }

    private String loggedIn(IdentificationFile.User user, String how) throws IOException {
        throttle.success(nameKey(user.name())); // the address keeps its failures: see checkPassword
        try {
            ids.rememberAddress(address, user.name());
        } catch (IOException e) {
            log.info("cannot save the identification file: " + e.getMessage()); // only the default name is lost
        }
        TokenStore.Token token = tokens.issue(user);
        dialog.tell("* welcome, " + user.name() + ": you are logged in");
        dialog.tell("* token " + token.text() + " valid until " + token.expires());
        log.info(label + " logged in as " + user.name() + " (" + how + ")");
        return user.name();
    }

    private static String nameKey(String name) {
        return "name:" + UserNames.key(name);
    }
}
