package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.testing.ExternalServer;
import labs.common.testing.InProcessServer;
import labs.common.testing.ServerUnderTest;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * What a hostile client tries against the login, through the socket only. Each test starts the
 * server with the options it needs; to point the same attacks at another program, give its
 * command, and the test appends those options to it (so the program must accept them):
 * <pre>
 *   mvn -pl lab3-auth -am test -Dtest=HostileLoginTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
 *       -Dlab.server.command="python3 /abs/auth_server.py --port {port} --iterations 1000"
 * </pre>
 * Only lines the protocol fixes are checked ({@code ? } prompts, the {@code ! } tag, {@code * token});
 * against the lab's own server the log is checked too. Clients come from different loopback
 * addresses (127.0.0.x) where the test needs the server to see different machines.
 */
class HostileLoginTest {
    private static final String PASSWORD = "password1";

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** The lab's own server built from these options, or the external program with them appended. */
    private ServerUnderTest start(String... options) throws Exception {
        String command = System.getProperty(ServerUnderTest.COMMAND_PROPERTY, "").trim();
        ServerUnderTest server;
        if (!command.isEmpty()) {
            server = ExternalServer.start(command + " " + String.join(" ", options));
        } else {
            String[] args = Stream.concat(Stream.of("--port", "0", "--quiet", "--data-dir", dataDir.toString(), "--iterations", "1000"),
                    Stream.of(options)).toArray(String[]::new);
            Options parsed = AuthServer.options().parse(args);
            AuthSettings settings = AuthSettings.from(parsed, "lab3-auth");
            server = InProcessServer.start(ServerConfig.from(parsed), (config, log) -> new AuthServer("authentication server",
                    config, log, settings, new EchoService(log), Threads.PLATFORM));
        }
        toClose.add(server);
        return server;
    }

    private TestClient connect(ServerUnderTest server, String from) throws IOException {
        TestClient client = TestClient.connectFrom(from, server.host(), server.port());
        toClose.add(client);
        return client;
    }

    /** Registers {@code name} from {@code from}; returns the session token. */
    private String register(ServerUnderTest server, String from, String name) throws IOException {
        try (TestClient client = TestClient.connectFrom(from, server.host(), server.port())) {
            client.readUntil("? name");
            client.send(name);
            client.readUntil("? new password");
            client.send(PASSWORD);
            client.readUntil("? repeat password");
            client.send(PASSWORD);
            List<String> lines = client.readUntil("* token ");
            return lines.get(lines.size() - 1).split(" ")[2];
        }
    }

    /** One password guess for {@code name} from {@code from}: the server's answer to it. */
    private static String guess(ServerUnderTest server, String from, String name, String password) throws IOException {
        try (TestClient client = TestClient.connectFrom(from, server.host(), server.port())) {
            client.readUntil("? name");
            client.send(name);
            String prompt = client.readLine();
            if (!prompt.startsWith("? password")) {
                return prompt; // turned away before it could guess
            }
            client.send(password);
            return client.readLineMatching(line -> line.startsWith("! ") || line.startsWith("* token "));
        }
    }

    private static long ownLogCount(ServerUnderTest server, String text) {
        return ((InProcessServer) server).log().lines().stream().filter(line -> line.contains(text)).count();
    }

    @Test
    void aHundredGuessesSentAtOnceGetNoMoreThanTheLockOutAllows() throws Exception {
        ServerUnderTest server = start("--lockout-after", "5", "--max-clients", "200");
        register(server, "127.0.0.1", "alice");
        int guessers = 100;
        CountDownLatch allParked = new CountDownLatch(guessers);
        CountDownLatch fire = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guessers);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guessers; i++) {
                String from = "127.0.1." + (i + 1); // one guess per address: only alice's own counter can stop them
                answers.add(pool.submit(() -> {
                    try (TestClient client = TestClient.connectFrom(from, server.host(), server.port())) {
                        client.readUntil("? name");
                        client.send("alice");
                        client.readUntil("? password for alice");
                        allParked.countDown();
                        if (!fire.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never fired");
                        }
                        client.send("wrong-guess");
                        return client.readLineMatching(line -> line.startsWith("! "));
                    }
                }));
            }
            assertThat(allParked.await(60, TimeUnit.SECONDS)).as("all %d parked at the password prompt", guessers).isTrue();
            fire.countDown(); // every guess at the same moment
            long verified = 0;
            for (Future<String> answer : answers) {
                if (answer.get(60, TimeUnit.SECONDS).equals("! wrong password")) {
                    verified++;
                }
            }
            assertThat(verified).as("guesses checked (answered '! wrong password')").isBetween(1L, 5L);
        } finally {
            pool.shutdownNow();
        }
        if (server.inProcess()) {
            assertThat(ownLogCount(server, "wrong password for alice")).as("verifications in the log").isBetween(1L, 5L);
        }
        assertThat(guess(server, "127.0.2.1", "alice", PASSWORD)).as("the lock holds for the right password too")
                .startsWith("! ");
    }

    @Test
    void anAttackerWhoLogsIntoItsOwnAccountBetweenGuessesStillGetsItsAddressLocked() throws Exception {
        ServerUnderTest server = start("--lockout-after", "5");
        String attacker = "127.0.3.1";
        register(server, attacker, "mallory");
        List<String> victims = List.of("v1", "v2", "v3", "v4");
        for (int i = 0; i < victims.size(); i++) {
            register(server, "127.0.3." + (10 + i), victims.get(i));
        }

        List<String> answers = new ArrayList<>();
        for (int round = 0; round < 3 && answers.stream().noneMatch(a -> a.startsWith("! too many")); round++) {
            for (String victim : victims) { // 4 guesses on other names, one each, so no name gets locked...
                answers.add(guess(server, attacker, victim, "wrong-" + round));
            }
            answers.add(guess(server, attacker, "mallory", PASSWORD)); // ...then its own login, to clear its address
        }

        assertThat(answers).as("answers to the attacker, in order").anyMatch(answer -> answer.startsWith("! too many failed logins"));
        assertThat(answers.indexOf(answers.stream().filter(a -> a.startsWith("! too many")).findFirst().orElseThrow()))
                .as("the attempt after the 5th wrong guess is refused (its own login in between does not help)").isEqualTo(6);
    }

    @Test
    void anAddressLockOutStopsPasswordsAndRegistrationsFromThereButNotATokenLogin() throws Exception {
        ServerUnderTest server = start("--lockout-after", "5");
        String classroom = "127.0.4.1"; // a whole classroom behind one NAT address
        String token = register(server, classroom, "student");
        register(server, "127.0.4.2", "victim");
        for (int i = 0; i < 5; i++) {
            assertThat(guess(server, classroom, "victim", "wrong-" + i)).isEqualTo("! wrong password");
        }

        assertThat(guess(server, classroom, "student", PASSWORD)).as("a password login from the locked address")
                .startsWith("! too many failed logins");
        TestClient newcomer = connect(server, classroom);
        newcomer.readUntil("? name");
        newcomer.send("newcomer");
        assertThat(newcomer.readLine()).as("a registration from the locked address").startsWith("! too many failed logins");

        TestClient withToken = connect(server, classroom);
        withToken.readUntil("? name");
        withToken.send("/token " + token);
        assertThat(withToken.readUntil("* token ")).as("a known user with a token still gets in").isNotEmpty();
    }

    @Test
    void threeHundredRegistrationsFromOneAddressGetOnlyTheBurst() throws Exception {
        ServerUnderTest server = start("--register-burst", "5", "--register-per-hour", "1");
        int accepted = 0;
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            try (TestClient client = TestClient.connectFrom("127.0.5.1", server.host(), server.port())) {
                client.readUntil("? name");
                client.send("bot" + i);
                String answer = client.readLineMatching(line -> line.startsWith("? new password") || line.startsWith("! "));
                if (answer.startsWith("! ")) {
                    refusals.add(answer);
                    continue;
                }
                client.send(PASSWORD);
                client.readUntil("? repeat password");
                client.send(PASSWORD);
                client.readUntil("* token ");
                accepted++;
            }
        }

        assertThat(accepted).isEqualTo(5);
        assertThat(refusals).hasSize(295);
        if (server.inProcess()) {
            assertThat(refusals).allMatch(line -> line.startsWith("! too many new registrations from your address: try again in "));
        }
        assertThat(register(server, "127.0.5.2", "human")).as("another address still registers").isNotEmpty();
    }

    @Test
    void aFullServerRefusesTheNextRegistrationButKnownUsersLogIn() throws Exception {
        ServerUnderTest server = start("--max-users", "3");
        for (int i = 0; i < 3; i++) {
            register(server, "127.0.6." + (i + 1), "user" + i);
        }

        TestClient fourth = connect(server, "127.0.6.9");
        fourth.readUntil("? name");
        fourth.send("user3");
        String answer = fourth.readLine();

        assertThat(answer).startsWith("! ");
        if (server.inProcess()) {
            assertThat(answer).isEqualTo("! no new registrations: the server already holds its limit of 3 users");
        }
        assertThat(guess(server, "127.0.6.9", "user1", PASSWORD)).startsWith("* token ");
    }

    @Test
    void clientsThatFailTheLoginAndThenTrickleBytesLoseTheirSlots() throws Exception {
        ServerUnderTest server = start("--max-clients", "3", "--login-timeout", "1");
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        toClose.add(trickle::shutdownNow);
        for (int i = 0; i < 3; i++) {
            TestClient slow = connect(server, "127.0.7." + (i + 1));
            slow.readUntil("? name");
            trickle.scheduleAtFixedRate(() -> { // the attack: one byte every 0.3 s, never a whole line
                try {
                    slow.sendRaw(new byte[] {'x'});
                } catch (IOException closedByTheServer) {
                    // the slot was taken back: what the defence is for
                }
            }, 0, 300, TimeUnit.MILLISECONDS);
        }

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (TestClient newcomer = TestClient.connectFrom("127.0.7.9", server.host(), server.port())) {
                newcomer.timeout(Duration.ofSeconds(2));
                String first = newcomer.readLine();
                return first != null && first.startsWith("* welcome");
            } catch (SocketTimeoutException | java.net.SocketException notServed) {
                return false;
            }
        });
    }

    @Test
    void lookAlikeAndInvisibleNamesAreRefused() throws Exception {
        ServerUnderTest server = start();
        register(server, "127.0.8.1", "alice");

        for (String name : List.of("\u0430lice", "alice\u3164", "\u3164", "\u3164\u3164")) { // Cyrillic а; Hangul filler
            TestClient client = connect(server, "127.0.8.2");
            client.readUntil("? name");
            client.send(name);
            assertThat(client.readLine()).as("the name '%s'", name).startsWith("! ");
        }
        TestClient fullWidth = connect(server, "127.0.8.3");
        fullWidth.readUntil("? name");
        fullWidth.send("\uFF41lice"); // a full-width ａ: the same user as alice
        assertThat(fullWidth.readLine()).isEqualTo("? password for alice");
    }
}
