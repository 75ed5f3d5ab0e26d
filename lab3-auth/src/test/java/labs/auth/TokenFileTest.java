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
    void savesReadsAndForgetsATokenPerUser() throws IOException {
        TokenFile file = TokenFile.forServer(dir.resolve("tokens"), "localhost", 5000);
        assertThat(file.read("alice")).isEmpty();

        file.save("alice", "abc_DEF-123");
        file.save("Борис", "xyz");
        file.save("ALICE", "newer"); // lab 3's key: the same user

        assertThat(file.read("alice")).contains("newer");
        assertThat(file.read("борис")).contains("xyz");
        assertThat(Files.readAllLines(file.path())).containsExactly("ALICE\tnewer", "Борис\txyz");
        assertThat(file.forget("alice")).isTrue();
        assertThat(file.forget("alice")).isFalse();
        assertThat(file.read("alice")).isEmpty();
        assertThat(file.read("Борис")).contains("xyz");
        assertThat(file.delete()).isTrue();
        assertThat(file.delete()).isFalse();
        assertThat(file.read("Борис")).isEmpty();
    }

    @Test
    void anEmptyFileOrAnOldOneTokenFileHoldsNoToken() throws IOException {
        TokenFile file = new TokenFile(dir.resolve("old.token"));
        Files.writeString(file.path(), "\n");
        assertThat(file.read("alice")).isEmpty();

        Files.writeString(file.path(), "GUpr-l1cyoYc4UjiCw0JvinB675s12\n"); // the format before tokens per user
        assertThat(file.read("alice")).isEmpty();
        file.save("alice", "t");
        assertThat(Files.readAllLines(file.path())).containsExactly("alice\tt");
    }

    @Test
    void onlyTheOwnerMayReadTheTokenOrItsFolder() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        TokenFile file = TokenFile.forServer(dir.resolve("tokens"), "localhost", 5000);

        file.save("alice", "secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatExistsAlreadyKeepsItsPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        TokenFile.forServer(shared, "localhost", 5000).save("alice", "secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("localhost_5000.token"))))
                .isEqualTo("rw-------");
    }
}
