package labs.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Replaces a file so that a crash or power cut at any moment leaves either the whole old file
 * or the whole new one, never a torn mix: write a temporary file beside it, force it to disk,
 * then rename it over the old one in one atomic step, and force the folder so the rename lasts.
 *
 * <p>Thread safety: stateless. Two threads replacing the same file at once each leave a whole
 * file, but one's content is lost; callers serialize their writes (each says how).
 */
public final class AtomicFiles {
    /** Lets a test stop the write between the temporary file and the move, as a crash would. */
    @FunctionalInterface
    public interface BeforeMove {
        void run(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeLines(Path target, List<String> lines) throws IOException {
        writeLines(target, lines, temporary -> { });
    }

    public static void writeLines(Path target, List<String> lines, BeforeMove beforeMove) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName().toString() + ".", ".tmp");
        try {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(text.toString()));
                channel.force(true);
            }
            beforeMove.run(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedOnThisSystem) {
            // Some systems cannot open a folder for reading; the rename is still atomic there.
        }
    }
}
