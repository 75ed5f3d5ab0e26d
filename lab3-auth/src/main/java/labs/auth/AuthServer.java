package labs.auth;

import java.io.IOException;

import labs.common.EventLog;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.ServerLauncher;
import labs.common.UsageException;
import labs.threaded.ThreadPerClientServer;

/**
 * Lab 3's server: lab 2's thread per client, where each client first logs in
 * ({@link LoginProtocol}) and then gets a service: here an echo, in lab 4 the chat. Wires the
 * identification file, the token store and the throttle together; the protocol lives elsewhere.
 *
 * <p>Thread safety: adds final references to thread-safe objects (identification file, token
 * store, throttle) to {@link ThreadPerClientServer}'s state.
 */
public class AuthServer extends ThreadPerClientServer {
    /** The shared objects of one server, built before the superclass needs the handler. */
    private record Parts(AuthSettings settings, IdentificationFile ids, TokenStore tokens, LoginThrottle throttle,
                         LoginHandler handler) {
        static Parts create(AuthSettings settings, EventLog log, AuthenticatedService service) throws IOException {
            IdentificationFile ids = IdentificationFile.load(settings.identificationFile(), settings.maxUsers());
            log.info("identification file " + ids.path() + ": " + ids.userCount() + " user(s)");
            TokenStore tokens = new TokenStore(settings.clock(), settings.tokenLifetime());
            LoginThrottle throttle = new LoginThrottle(settings.clock(), settings.lockoutAfter(), settings.lockoutDuration());
            LoginProtocol login = new LoginProtocol(ids, tokens, throttle, settings, log);
            return new Parts(settings, ids, tokens, throttle, new LoginHandler(login, service, settings, log));
        }
    }

    private final Parts parts;

    /**
     * Loads (or creates) the identification file under {@code settings.dataDir()}; a file that
     * cannot be read or parsed is an IOException naming the file and line, and no server is made.
     *
     * @param kind    what the log calls this server ("authentication server", "chat server")
     * @param service what a client gets after logging in
     */
    public AuthServer(String kind, ServerConfig config, EventLog log, AuthSettings settings,
                      AuthenticatedService service, Threads threads) throws IOException {
        this(kind, config, log, Parts.create(settings, log, service), threads);
    }

    private AuthServer(String kind, ServerConfig config, EventLog log, Parts parts, Threads threads) {
        super(kind, config, log, parts.handler(), threads);
        this.parts = parts;
    }

    public static void main(String[] args) {
        ServerLauncher.main(args, options(), AuthServer::fromOptions);
    }

    static Options options() {
        return AuthSettings.withOptions(withThreadsOption(Options.forServer("lab3-auth server")), "lab3-auth");
    }

    static AuthServer fromOptions(Options parsed, EventLog log) throws UsageException, IOException {
        return new AuthServer("authentication server", ServerConfig.from(parsed), log,
                AuthSettings.from(parsed, "lab3-auth"), new EchoService(log), threadsFrom(parsed));
    }

    public AuthSettings settings() {
        return parts.settings();
    }

    public IdentificationFile identification() {
        return parts.ids();
    }

    public TokenStore tokens() {
        return parts.tokens();
    }

    public LoginThrottle throttle() {
        return parts.throttle();
    }

    /**
     * Lab 5's clear-ids: forgets every user, password and address in the file (saved
     * crash-safely) and every session token, so nobody logs in with what they had before.
     * Clients logged in now stay connected.
     */
    public void clearIdentities() throws IOException {
        parts.ids().clear();
        parts.tokens().clear();
        log.info("identification file cleared: every user, address and token forgotten");
    }
}
