package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's token file: one per server, owner-only permissions, save, read and delete. */
class TokenFileTest {
    @TempDir
    Path dir;

    @Test
    void oneFilePerHostAndPortWithASafeName() {
        assertThat(TokenFile.forServer(dir, "127.0.0.1", 5000).path()).isEqualTo(dir.resolve("127.0.0.1_5000.token"));
        assertThat(TokenFile.forServer(dir, "::1", 5000).path()).isEqualTo(dir.resolve("__1_5000.token"));
        assertThat(TokenFile.forServer(dir, "../../etc", 1).path().getParent()).isEqualTo(dir);
    }

    @Test
    void savesReadsAndDeletesAToken() throws IOException {
        TokenFile file = TokenFile.forServer(dir.resolve("tokens"), "localhost", 5000);
        assertThat(file.read()).isEmpty();

        file.save("abc_DEF-123");

        assertThat(file.read()).contains("abc_DEF-123");
        assertThat(file.delete()).isTrue();
        assertThat(file.delete()).isFalse();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void anEmptyFileHoldsNoToken() throws IOException {
        TokenFile file = new TokenFile(dir.resolve("empty.token"));
        Files.writeString(file.path(), "\n");

        assertThat(file.read()).isEmpty();
    }

    @Test
    void onlyTheOwnerMayReadTheTokenOrItsFolder() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        TokenFile file = TokenFile.forServer(dir.resolve("tokens"), "localhost", 5000);

        file.save("secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatExistsAlreadyKeepsItsPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        TokenFile.forServer(shared, "localhost", 5000).save("secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("localhost_5000.token"))))
                .isEqualTo("rw-------");
    }
}
