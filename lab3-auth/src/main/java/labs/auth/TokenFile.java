package labs.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import labs.common.AtomicFiles;

/**
 * Where the console client keeps its session tokens for one server: a file per host and port,
 * e.g. {@code ~/.tcp-labs/tokens/127.0.0.1_5000.token}, one line per user ({@code name<TAB>token}),
 * readable and writable by its owner only (on systems with POSIX permissions; elsewhere the
 * home folder's own protection applies), since whoever reads a token can log in as its user
 * until it expires. Names are compared as lab 3 compares them ({@link UserNames#key}).
 *
 * <p>Why per user: two clients on one machine are how a student tries the chat (alice in one
 * terminal, bob in another). With one token per server the second client presented alice's token
 * and, as lab 4 lets a login take its name over, closed alice's first session.
 *
 * <p>Thread safety: the client's main thread saves and forgets, its keyboard thread reads; every
 * change replaces the file atomically, so a reader (or a second client on the same machine)
 * sees the file before or after a change, never half of one. Two clients saving at the same
 * moment may lose one of the two tokens: that user types the password again next time.
 */
public final class TokenFile {
    /** One line of the file: the name as the user typed it, and its token. */
    private record Saved(String name, String token) {
    }

    private final Path path;

    public TokenFile(Path path) {
        this.path = path;
    }

    /** The token file for {@code host:port} inside {@code folder}. */
    public static TokenFile forServer(Path folder, String host, int port) {
        String safeHost = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return new TokenFile(folder.resolve(safeHost + "_" + port + ".token"));
    }

    public Path path() {
        return path;
    }

    /** The token saved for {@code name}, if any. */
    public Optional<String> read(String name) throws IOException {
        return Optional.ofNullable(entries().get(UserNames.key(name))).map(Saved::token);
    }

    /** Saves {@code token} for {@code name}, in place of the one saved before. */
    public void save(String name, String token) throws IOException {
        Map<String, Saved> entries = entries();
        entries.put(UserNames.key(name), new Saved(name, token));
        write(entries);
    }

    /** Deletes the token saved for {@code name}; true when there was one. */
    public boolean forget(String name) throws IOException {
        Map<String, Saved> entries = entries();
        if (entries.remove(UserNames.key(name)) == null) {
            return false;
        }
        write(entries);
        return true;
    }

    /** Deletes every token saved for this server; true when there was a file. */
    public boolean delete() throws IOException {
        return Files.deleteIfExists(path);
    }

    /** Key → saved token, in the file's order; a line that is not {@code name<TAB>token} is skipped. */
    private Map<String, Saved> entries() throws IOException {
        Map<String, Saved> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 2 && !fields[0].isBlank() && !fields[1].isBlank()) {
                    entries.put(UserNames.key(fields[0]), new Saved(fields[0], fields[1].trim()));
                }
            }
        } catch (NoSuchFileException none) {
            // No token saved yet.
        }
        return entries;
    }

    private void write(Map<String, Saved> entries) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            if (posix()) { // a folder we made is ours to close; a folder the user named (say /tmp) is left as it is
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
        List<String> lines = new ArrayList<>();
        entries.values().forEach(saved -> lines.add(saved.name() + "\t" + saved.token()));
        // The temporary file AtomicFiles writes is created owner-only on POSIX systems; set it again to be sure.
        AtomicFiles.writeLines(path, lines);
        if (posix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
