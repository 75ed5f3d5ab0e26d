package labs.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import labs.common.AtomicFiles;

/**
 * Where the console client keeps the session token of one server: a file per host and port,
 * e.g. {@code ~/.tcp-labs/tokens/127.0.0.1_5000.token}, readable and writable by its owner only
 * (on systems with POSIX permissions; elsewhere the home folder's own protection applies),
 * since whoever reads the token can log in as you until it expires.
 *
 * <p>Thread safety: used by one client's main thread only (confinement); the file is replaced
 * atomically, so a second client on the same machine reads the old token or the new one.
 */
public final class TokenFile {
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

    public Optional<String> read() throws IOException {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    public void save(String token) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            if (posix()) { // a folder we made is ours to close; a folder the user named (say /tmp) is left as it is
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
        // The temporary file AtomicFiles writes is created owner-only on POSIX systems; set it again to be sure.
        AtomicFiles.writeLines(path, List.of(token));
        if (posix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Deletes the token; true when there was one. */
    public boolean delete() throws IOException {
        return Files.deleteIfExists(path);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
