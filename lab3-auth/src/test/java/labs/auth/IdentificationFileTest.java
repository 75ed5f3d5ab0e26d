package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identification file: format, restarts, crash safety, corruption caught with file and line, registrations under concurrency. */
class IdentificationFileTest {
    @TempDir
    Path dir;

    private final PasswordHash hash = new PasswordHasher(1000).hash("password1".toCharArray());

    private Path file() {
        return dir.resolve("identification.txt");
    }

    @Test
    void aFirstStartCreatesAnEmptyFileWithAHeader() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());

        assertThat(ids.userCount()).isZero();
        assertThat(ids.path()).isEqualTo(file());
        assertThat(Files.readAllLines(file())).allMatch(line -> line.startsWith("#"));
    }

    @Test
    void onlyTheServersUserMayReadTheHashes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));

        IdentificationFile.load(file()).register("bob", hash);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
    }

    @Test
    void registrationsAndAddressesSurviveARestart() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());
        assertThat(ids.register("Алиса", hash)).isTrue();
        assertThat(ids.register("bob", hash)).isTrue();
        ids.rememberAddress("127.0.0.2", "алиса");

        IdentificationFile reloaded = IdentificationFile.load(file());

        assertThat(reloaded.userCount()).isEqualTo(2);
        assertThat(reloaded.find("АЛИСА")).get().isEqualTo(new IdentificationFile.User("Алиса", hash));
        assertThat(reloaded.lastNameFrom("127.0.0.2")).contains("Алиса");
        assertThat(reloaded.lastNameFrom("127.0.0.3")).isEmpty();
        assertThat(Files.readAllLines(file())).contains("user Алиса " + hash.encode(), "address 127.0.0.2 Алиса");
    }

    @Test
    void namesAreStoredTrimmedAndNormalizedAndScopedIpv6AddressesRoundTrip() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());
        ids.register("  И\u0306од ", hash);
        ids.rememberAddress("fe80:0:0:0:1:2:3:4%lo", "йод");

        IdentificationFile reloaded = IdentificationFile.load(file());

        assertThat(reloaded.find("ЙОД")).get().extracting(IdentificationFile.User::name).isEqualTo("Йод");
        assertThat(reloaded.lastNameFrom("fe80:0:0:0:1:2:3:4%lo")).contains("Йод");
    }

    @Test
    void aNameIsTakenInAnyCase() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());
        ids.register("Alice", hash);

        assertThat(ids.register("ALICE", hash)).isFalse();
        assertThat(ids.find("alice")).get().extracting(IdentificationFile.User::name).isEqualTo("Alice");
        assertThatThrownBy(() -> ids.register("no spaces", hash)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rememberingAnAddressOfAnUnknownUserOrTheSameNameAgainChangesNothing() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());
        ids.register("bob", hash);
        ids.rememberAddress("10.0.0.1", "bob");
        long modified = Files.getLastModifiedTime(file()).toMillis();
        List<String> before = Files.readAllLines(file());

        ids.rememberAddress("10.0.0.1", "BOB");
        ids.rememberAddress("10.0.0.2", "nobody");

        assertThat(Files.readAllLines(file())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file()).toMillis()).isEqualTo(modified);
        assertThat(ids.lastNameFrom("10.0.0.2")).isEmpty();
    }

    @Test
    void updatingAPasswordReplacesTheHashOfThatUserOnly() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());
        ids.register("bob", hash);
        PasswordHash newer = new PasswordHasher(2000).hash("password1".toCharArray());

        assertThat(ids.updatePassword("BOB", newer)).isTrue();
        assertThat(ids.updatePassword("carol", newer)).isFalse();
        assertThat(IdentificationFile.load(file()).find("bob")).get()
                .extracting(user -> user.password().iterations()).isEqualTo(2000);
    }

    @Test
    void clearForgetsEveryUserAndAddressOnDiskToo() throws IOException {
        IdentificationFile ids = IdentificationFile.load(file());
        ids.register("bob", hash);
        ids.rememberAddress("127.0.0.1", "bob");

        ids.clear();

        assertThat(ids.userCount()).isZero();
        assertThat(ids.lastNameFrom("127.0.0.1")).isEmpty();
        assertThat(IdentificationFile.load(file()).userCount()).isZero();
        assertThat(ids.register("bob", hash)).isTrue();
    }

    @Test
    void aCrashBetweenWritingAndMovingLeavesTheOldFileWholeAndNothingChanged() throws IOException {
        IdentificationFile.load(file()).register("bob", hash);
        List<String> before = Files.readAllLines(file());
        IdentificationFile ids = IdentificationFile.load(file(), temporary -> {
            assertThat(Files.readAllLines(temporary)).anyMatch(line -> line.startsWith("user carol "));
            throw new IOException("simulated crash before the move");
        });

        assertThatThrownBy(() -> ids.register("carol", hash)).hasMessageContaining("simulated crash");

        assertThat(Files.readAllLines(file())).isEqualTo(before);
        assertThat(ids.find("carol")).isEmpty();   // not published: the user was not told "registered"
        assertThat(IdentificationFile.load(file()).userCount()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file()); // no temporary file left behind
        }
    }

    @Test
    void aProcessKilledBetweenWritingAndMovingLeavesTheOldFileWhole() throws Exception {
        IdentificationFile.load(file()).register("bob", hash);
        List<String> before = Files.readAllLines(file());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process crashing = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashMidWrite.class.getName(), file().toString(), "carol").redirectErrorStream(true).start();

        assertThat(crashing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(crashing.exitValue()).as(new String(crashing.getInputStream().readAllBytes())).isEqualTo(CrashMidWrite.EXIT_CODE);
        assertThat(Files.readAllLines(file())).isEqualTo(before);
        IdentificationFile reloaded = IdentificationFile.load(file());
        assertThat(reloaded.find("bob")).isPresent();
        assertThat(reloaded.find("carol")).isEmpty();
        try (var files = Files.list(dir)) { // the crash left its whole temporary file behind; nobody reads it
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("identification.txt.") && name.endsWith(".tmp"));
        }
    }

    @Test
    void aCorruptFileStopsTheLoadNamingFileAndLineAndIsLeftAlone() throws IOException {
        String good = "user bob " + hash.encode();
        String[][] cases = {
                {"garbage here", ":2: a record starts with 'user' or 'address', not 'garbage'"},
                {"user bob", ":2: expected 'user <name>"},
                {good, ":2: user 'bob' is listed twice"},
                {"user b!b " + hash.encode(), ":2: a name may hold"},
                {"user carol md5 1 AAAA AAAA", ":2: unknown hash algorithm 'md5'"},
                {"user carol pbkdf2-sha256 many AAAAAAAAAAAAAAAAAAAAAA== AAAA", ":2: iteration count 'many' is not a number"},
                {"user carol pbkdf2-sha256 1 !!!! AAAA", ":2: salt is not valid Base64"},
                {"user carol pbkdf2-sha256 1 AAAA AAAA", ":2: need iterations >= 1, a salt of at least 16 bytes"},
                {"address 127.0.0.1 carol", ":2: address 127.0.0.1 names 'carol', who is not listed above"},
                {"address not/an/ip bob", ":2: 'not/an/ip' is not an IP address"},
        };
        for (String[] bad : cases) {
            String text = good + "\n" + bad[0] + "\n";
            Files.writeString(file(), text, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> IdentificationFile.load(file()))
                    .as(bad[0]).isInstanceOf(IOException.class).hasMessageStartingWith(file() + bad[1]);
            assertThat(Files.readString(file())).isEqualTo(text);
        }
    }

    @Test
    void duplicateAddressesAndUnnormalizedNamesAreCorruptToo() throws IOException {
        String good = "user bob " + hash.encode();
        Files.writeString(file(), good + "\naddress 1.2.3.4 bob\naddress 1.2.3.4 bob\n");
        assertThatThrownBy(() -> IdentificationFile.load(file())).hasMessage(file() + ":3: address 1.2.3.4 is listed twice");

        Files.writeString(file(), "user И\u0306од " + hash.encode() + "\n");
        assertThatThrownBy(() -> IdentificationFile.load(file())).hasMessageContaining(":1: name 'И\u0306од' is not in its normal form");
    }

    @Test
    void invalidUtf8IsCorruptAndCommentsBlankLinesAndCrLfAreFine() throws IOException {
        Files.write(file(), new byte[] {'#', ' ', 'o', 'k', '\n', 'u', 's', 'e', 'r', ' ', (byte) 0xC3, '\n'});
        assertThatThrownBy(() -> IdentificationFile.load(file())).hasMessage(file() + ":2: not valid UTF-8 text");

        Files.writeString(file(), "# comment\r\n\r\nuser bob " + hash.encode() + "\r\n");
        assertThat(IdentificationFile.load(file()).find("bob")).isPresent();
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt() throws IOException {
        Files.createDirectories(file()); // a folder where the file should be

        assertThatThrownBy(() -> IdentificationFile.load(file()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot read identification file " + file());
    }

    @Test
    void aHundredThreadsRegisteringAtOnceLoseNothing() throws Exception {
        IdentificationFile ids = IdentificationFile.load(file());
        int count = 100;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "user" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return ids.register(name, hash);
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids.userCount()).isEqualTo(count);
        assertThat(IdentificationFile.load(file()).userCount()).isEqualTo(count);
    }

    @Test
    void ofThreadsRacingForOneNameExactlyOneWinsEveryRound() throws Exception {
        IdentificationFile ids = IdentificationFile.load(file());
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 50; round++) {
                String name = "name" + round;
                CyclicBarrier together = new CyclicBarrier(racers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        together.await();
                        return ids.register(name, hash);
                    }));
                }
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(IdentificationFile.load(file()).userCount()).isEqualTo(50);
    }

    @Test
    void aFileAtItsUserLimitRefusesTheNextRegistrationAndKeepsTheRest() throws IOException {
        IdentificationFile ids = IdentificationFile.load(dir.resolve("limited.txt"), 2);
        assertThat(ids.register("ann", hash)).isTrue();
        assertThat(ids.register("ben", hash)).isTrue();

        assertThat(ids.hasRoom()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids.register("cid", hash))
                .isInstanceOf(IdentificationFile.Full.class).hasMessage("the identification file already holds its limit of 2 users");
        assertThat(ids.register("ANN", hash)).as("a taken name is still just taken").isFalse();
        assertThat(ids.updatePassword("ann", hash)).as("known users go on").isTrue();
        assertThat(IdentificationFile.load(dir.resolve("limited.txt")).userCount()).isEqualTo(2);
    }
}
