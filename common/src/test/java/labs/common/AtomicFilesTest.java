package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplacesTheWholeFile() throws IOException {
        Path file = dir.resolve("sub/ids.txt");
        AtomicFiles.writeLines(file, List.of("alice", "боб"));
        AtomicFiles.writeLines(file, List.of("carol"));
        assertThat(Files.readAllLines(file)).containsExactly("carol");
        assertThat(leftovers()).containsExactly("ids.txt");
    }

    @Test
    void aCrashBeforeTheMoveLeavesTheOldFileWhole() throws IOException {
        Path file = dir.resolve("ids.txt");
        AtomicFiles.writeLines(file, List.of("old 1", "old 2"));
        assertThatThrownBy(() -> AtomicFiles.writeLines(file, List.of("new"), temporary -> {
            assertThat(Files.readAllLines(temporary)).containsExactly("new"); // fully written and forced
            throw new IOException("power cut");
        })).hasMessage("power cut");
        assertThat(Files.readAllLines(file)).containsExactly("old 1", "old 2");
        assertThat(leftovers()).containsExactly("ids.txt");
    }

    @Test
    void aDiskThatTakesOneByteAtATimeStillGetsTheWholeFile() throws IOException {
        Path file = dir.resolve("ids.txt");
        List<String> lines = List.of("user alice", "user боб", "x".repeat(5000));
        AtomicFiles.writeLines(file, lines, temporary -> { },
                temporary -> SlowDiskChannel.takingAtMost(FileChannel.open(temporary, StandardOpenOption.WRITE), 1));
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        assertThat(leftovers()).containsExactly("ids.txt");
    }

    @Test
    void aDiskThatTakesNothingFailsTheSaveAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("ids.txt");
        AtomicFiles.writeLines(file, List.of("old 1", "old 2"));
        assertThatThrownBy(() -> AtomicFiles.writeLines(file, List.of("new"), temporary -> { },
                temporary -> SlowDiskChannel.takingAtMost(FileChannel.open(temporary, StandardOpenOption.WRITE), 0)))
                .isInstanceOf(IOException.class).hasMessageContaining("disk full?");
        assertThat(Files.readAllLines(file)).containsExactly("old 1", "old 2");
        assertThat(leftovers()).containsExactly("ids.txt");
    }

    @Test
    void aFullDiskFailsTheSaveAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("ids.txt");
        AtomicFiles.writeLines(file, List.of("old 1", "old 2"));
        assertThatThrownBy(() -> AtomicFiles.writeLines(file, List.of("new"), temporary -> { },
                temporary -> SlowDiskChannel.full(FileChannel.open(temporary, StandardOpenOption.WRITE))))
                .hasMessage("No space left on device");
        assertThat(Files.readAllLines(file)).containsExactly("old 1", "old 2");
        assertThat(leftovers()).containsExactly("ids.txt");
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
