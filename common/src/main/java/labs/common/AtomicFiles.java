package labs.common;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * <p>A write that fails, or takes only part of the text, ends the save with an exception before
 * the rename: the old file stays, whole.
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

    /** Opens the temporary file for writing; a test gives a channel that writes little or nothing. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path temporary) throws IOException;
    }

    /** Writes that take no byte, in a row, before the save is given up (a full disk, a file size limit). */
    static final int MAX_STALLED_WRITES = 100;

    private static final Opener FOR_WRITING = temporary -> FileChannel.open(temporary, StandardOpenOption.WRITE);

    private AtomicFiles() {
    }

    public static void writeLines(Path target, List<String> lines) throws IOException {
        writeLines(target, lines, temporary -> { });
    }

    public static void writeLines(Path target, List<String> lines, BeforeMove beforeMove) throws IOException {
        writeLines(target, lines, beforeMove, FOR_WRITING);
    }

    static void writeLines(Path target, List<String> lines, BeforeMove beforeMove, Opener opener) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName().toString() + ".", ".tmp");
        try {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            try (FileChannel channel = opener.open(temporary)) {
                writeFully(channel, StandardCharsets.UTF_8.encode(text.toString()), target);
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

    /**
     * One write() may take only part of the buffer (the API allows it; a file size limit or a
     * full disk makes it happen), so write until nothing is left. A save that cannot finish
     * throws before the move, so the old file stays; a truncated file is never installed.
     */
    private static void writeFully(FileChannel channel, ByteBuffer bytes, Path target) throws IOException {
        int stalled = 0;
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) > 0) {
                stalled = 0;
            } else if (++stalled >= MAX_STALLED_WRITES) {
                throw new IOException("cannot save " + target + ": the system took no bytes "
                        + MAX_STALLED_WRITES + " times in a row, " + bytes.remaining() + " bytes unwritten (disk full?)");
            }
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
