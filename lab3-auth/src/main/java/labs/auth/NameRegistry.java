package labs.auth;

import java.util.Map;

/**
 * The race lesson's registry of names: who registered which name. Two implementations side by
 * side, {@link UnsafeRegistry} (check then act: broken) and {@link SafeRegistry} (one atomic step).
 * The real server's registration is {@link IdentificationFile#register}, which follows the safe one.
 */
public interface NameRegistry {
    /** Lets a test pause a registration between its check and its act, where the race lives. */
    @FunctionalInterface
    interface Pause {
        Pause NONE = () -> { };

        void between() throws InterruptedException;
    }

    /** Registers {@code name} for {@code owner}; true when this caller got it, false when it was taken. */
    boolean register(String name, String owner) throws InterruptedException;

    /** Who holds each name now. */
    Map<String, String> owners();
}
