package labs.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import labs.common.AtomicFiles;

/**
 * The identification file: every registered user (name and password hash) and, per client
 * address, the name last logged in from it. A text file, one record per line (see
 * {@link IdentificationFormat}), loaded at start and rewritten crash-safely by
 * {@link AtomicFiles} after every change, so a crash leaves the old file or the new one, whole.
 *
 * <p>Thread safety argument. Threads: every client thread (find, register, remember an
 * address), lab 5's operator thread (clear), the main thread (load).
 * <ul>
 *   <li>{@code state} is an immutable {@link Snapshot}, replaced whole and never changed
 *       (copy on write). Readers take the volatile reference without a lock and see one
 *       consistent snapshot, never half a change.</li>
 *   <li>Writers hold {@code lock} for the whole check, file write and publish. So "is the name
 *       free?" and "take it" are one atomic step (two clients racing for one name: exactly one
 *       wins, see {@link UnsafeRegistry} for what happens otherwise), no change is lost to another
 *       writer's copy, and the file is written by one thread at a time, always from the newest
 *       snapshot. The new snapshot is published only after the file holds it, so a user is never
 *       told "registered" for a registration a crash would forget.</li>
 *   <li>Slow work stays outside the lock: the password is hashed before {@link #register}.</li>
 *   <li>The user limit is checked under the same lock as the registration, so racing
 *       registrations cannot overshoot it; {@link #hasRoom} is only a hint for the message.
 *       {@code maxUsers} is final.</li>
 * </ul>
 */
public final class IdentificationFile {
    /** A registered user: the name as they chose it, and their password hash. */
    public record User(String name, PasswordHash password) {
    }

    /** A registration refused because the file already holds {@code maxUsers} users. */
    public static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full(int maxUsers) {
            super("the identification file already holds its limit of " + maxUsers + " users");
        }
    }

    /** Users by {@link UserNames#key}, and the last name per address; both unmodifiable. */
    record Snapshot(Map<String, User> users, Map<String, String> lastNameByAddress) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());
    }

    private final Path path;
    private final AtomicFiles.BeforeMove beforeMove;
    private final int maxUsers;
    private final Object lock = new Object();
    private volatile Snapshot state; // written under lock; read without it (immutable snapshot)

    private IdentificationFile(Path path, Snapshot state, AtomicFiles.BeforeMove beforeMove, int maxUsers) {
        this.path = path;
        this.state = state;
        this.beforeMove = beforeMove;
        this.maxUsers = maxUsers;
    }

    /**
     * Reads the file, or creates an empty one when there is none. A file that cannot be read or
     * parsed is an IOException whose message names the file and the line; the file is left as it is.
     */
    public static IdentificationFile load(Path path) throws IOException {
        return load(path, temporary -> { });
    }

    /**
     * As {@link #load(Path)}, with a hook run before every move: tests stop a writer there, to
     * simulate a crash or to race another thread against it (lab 5's clear-ids).
     */
    public static IdentificationFile load(Path path, AtomicFiles.BeforeMove beforeMove) throws IOException {
        return load(path, beforeMove, Integer.MAX_VALUE);
    }

    /** As {@link #load(Path)}, refusing registrations ({@link Full}) once the file holds {@code maxUsers} users. */
    public static IdentificationFile load(Path path, int maxUsers) throws IOException {
        return load(path, temporary -> { }, maxUsers);
    }

    private static IdentificationFile load(Path path, AtomicFiles.BeforeMove beforeMove, int maxUsers) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException firstStart) {
            IdentificationFile empty = new IdentificationFile(path, Snapshot.EMPTY, beforeMove, maxUsers);
            empty.write(Snapshot.EMPTY); // fails now, not at the first registration, if the folder is not writable
            return empty;
        } catch (IOException e) {
            throw new IOException("cannot read identification file " + path + ": " + e, e);
        }
        return new IdentificationFile(path, IdentificationFormat.parse(path, bytes), beforeMove, maxUsers);
    }

    public Path path() {
        return path;
    }

    public int userCount() {
        return state.users().size();
    }

    /** The most users this file takes. */
    public int maxUsers() {
        return maxUsers;
    }

    /** False once the user limit is reached: a hint for a message; {@link #register} decides. */
    public boolean hasRoom() {
        return userCount() < maxUsers;
    }

    /** The user registered under {@code name} (any case), if any. */
    public Optional<User> find(String name) {
        return Optional.ofNullable(state.users().get(UserNames.key(name)));
    }

    /** The name last logged in from {@code address}, if any. */
    public Optional<String> lastNameFrom(String address) {
        return Optional.ofNullable(state.lastNameByAddress().get(address));
    }

    /**
     * Registers a new user under the name as {@link UserNames#validate} leaves it, and saves the
     * file; false (and nothing changed) when the name is taken, in any case. The check and the
     * registration are one atomic step. An invalid name is an {@link IllegalArgumentException};
     * a file at its user limit is {@link Full}.
     */
    public boolean register(String name, PasswordHash password) throws IOException {
        String valid = UserNames.validate(name);
        String key = UserNames.key(valid);
        synchronized (lock) {
            Snapshot old = state;
            if (old.users().containsKey(key)) {
                return false;
            }
            if (old.users().size() >= maxUsers) {
                throw new Full(maxUsers);
            }
            Map<String, User> users = new LinkedHashMap<>(old.users());
            users.put(key, new User(valid, password));
            publish(new Snapshot(Map.copyOf(users), old.lastNameByAddress()));
            return true;
        }
    }

    /** Replaces a registered user's hash (when the iteration count was raised); false when there is no such user. */
    public boolean updatePassword(String name, PasswordHash password) throws IOException {
        String key = UserNames.key(name);
        synchronized (lock) {
            Snapshot old = state;
            User user = old.users().get(key);
            if (user == null) {
                return false;
            }
            Map<String, User> users = new LinkedHashMap<>(old.users());
            users.put(key, new User(user.name(), password));
            publish(new Snapshot(Map.copyOf(users), old.lastNameByAddress()));
            return true;
        }
    }

    /** Remembers that {@code name} logged in from {@code address}; writes only when that changes anything. */
    public void rememberAddress(String address, String name) throws IOException {
        synchronized (lock) {
            Snapshot old = state;
            User user = old.users().get(UserNames.key(name));
            if (user == null || user.name().equals(old.lastNameByAddress().get(address))) {
                return;
            }
            Map<String, String> addresses = new LinkedHashMap<>(old.lastNameByAddress());
            addresses.put(address, user.name());
            publish(new Snapshot(old.users(), Map.copyOf(addresses)));
        }
    }

    /**
     * Forgets every user, password and address (lab 5's clear-ids) and saves the empty file.
     * Session tokens issued before stop working too, because a token is only honoured for the
     * very user record it was issued for (see {@link TokenStore}); {@link AuthServer#clearIdentities}
     * also drops them from memory.
     */
    public void clear() throws IOException {
        synchronized (lock) {
            publish(Snapshot.EMPTY);
        }
    }

    private void publish(Snapshot next) throws IOException { // lock held
        write(next);
        state = next;
    }

    private void write(Snapshot snapshot) throws IOException {
        AtomicFiles.writeLines(path, IdentificationFormat.render(snapshot), beforeMove);
    }
}
