package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.ServerConfig;
import labs.common.ServerLauncher;
import labs.common.testing.CapturedLog;
import labs.common.testing.InProcessServer;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/** What only the lab's own server can show: restarts, its file, its time limit, its API for labs 4 and 5. */
class AuthServerTest {
    private static final String PASSWORD = "password1";

    @TempDir
    Path dataDir;

    private InProcessServer start(AuthSettings settings, AuthenticatedService service) throws IOException {
        return InProcessServer.start(ServerConfig.anyFreePort().withMaxClients(500), (config, log) ->
                new AuthServer("authentication server", config, log, settings, service, Threads.PLATFORM));
    }

    private InProcessServer start() throws IOException {
        return start(AuthSettings.forTests(dataDir), new EchoService(new CapturedLog().eventLog()));
    }

    private static AuthServer auth(InProcessServer server) {
        return (AuthServer) server.server();
    }

    private static String registerOrLogIn(InProcessServer server, String name, boolean isNew) throws IOException {
        try (TestClient client = TestClient.connect(server)) {
            client.readUntil("? name");
            client.send(name);
            if (isNew) {
                client.readUntil("? new password");
                client.send(PASSWORD);
                client.send(PASSWORD);
            } else {
                client.readUntil("? password");
                client.send(PASSWORD);
            }
            List<String> lines = client.readUntil("* token ");
            return lines.get(lines.size() - 1).split(" ")[2];
        }
    }

    @Test
    void aHundredClientsRegisterAtOnceAndAllLogInAfterARestart() throws Exception {
        int count = 100;
        try (InProcessServer server = start()) {
            CountDownLatch allConnected = new CountDownLatch(count);
            ExecutorService pool = Executors.newFixedThreadPool(count);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String name = "user" + i;
                    results.add(pool.submit(() -> {
                        try (TestClient client = TestClient.connect(server)) {
                            client.readUntil("? name");
                            allConnected.countDown();
                            allConnected.await(); // every client is at the prompt: now all register at once
                            client.send(name);
                            client.send(PASSWORD);
                            client.send(PASSWORD);
                            return client.readLineMatching(line -> line.startsWith("* token ") || line.startsWith("! "));
                        }
                    }));
                }
                for (Future<String> result : results) {
                    assertThat(result.get(50, TimeUnit.SECONDS)).startsWith("* token ");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(auth(server).identification().userCount()).isEqualTo(count);
        }

        try (InProcessServer restarted = start()) {
            assertThat(auth(restarted).identification().userCount()).isEqualTo(count);
            for (int i = 0; i < count; i++) {
                registerOrLogIn(restarted, "USER" + i, false);
            }
        }
    }

    @Test
    void aCorruptFileStopsTheServerFromStartingAndIsLeftAlone() throws IOException {
        Path file = AuthSettings.forTests(dataDir).identificationFile();
        Files.createDirectories(dataDir);
        Files.writeString(file, "# fine\nuser bob\n");

        assertThatThrownBy(this::start).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":2: expected 'user <name>");
        assertThat(Files.readString(file)).isEqualTo("# fine\nuser bob\n");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ServerLauncher.run(new String[] {"--port", "0", "--data-dir", dataDir.toString(), "--iterations", "1000"},
                AuthServer.options(), AuthServer::fromOptions, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ServerLauncher.CANNOT_START);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + file + ":2: expected 'user <name> pbkdf2-sha256 "
                + "<iterations> <salt> <hash>' (6 fields separated by single spaces), found 2" + System.lineSeparator());
    }

    @Test
    void theCommandLineIsCheckedAndHelpIsPrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(ServerLauncher.run(new String[] {"--help"}, AuthServer.options(), AuthServer::fromOptions, outStream, errStream))
                .isEqualTo(ServerLauncher.OK);
        assertThat(ServerLauncher.run(new String[] {"--iterations", "0"}, AuthServer.options(), AuthServer::fromOptions, outStream, errStream))
                .isEqualTo(ServerLauncher.BAD_USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--data-dir DIR", "(default ~/.tcp-labs/lab3-auth)", "--iterations", "--login-timeout SEC", "--token-ttl", "--lockout");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --iterations must be between 1 and");
    }

    @Test
    void aClientThatDoesNotLogInInTimeIsToldAndDisconnectedButALoggedInOneStays() throws IOException {
        AuthSettings settings = AuthSettings.forTests(dataDir).withLoginTimeout(Duration.ofSeconds(1));
        try (InProcessServer server = start(settings, new EchoService(new CapturedLog().eventLog()));
             TestClient idle = TestClient.connect(server);
             TestClient quick = TestClient.connect(server)) {
            quick.readUntil("? name");
            quick.send("quick");
            quick.send(PASSWORD);
            quick.send(PASSWORD);
            quick.readUntil("* echo service");

            idle.readUntil("? name");
            idle.send("slow"); // an answer, but the login is not finished
            assertThat(idle.readUntilClosed()).endsWith("! you did not log in within 1 s: goodbye");

            assertThat(quick.staysSilentFor(Duration.ofMillis(200))).isTrue();
            quick.send("still here");
            assertThat(quick.readLine()).isEqualTo("* echo: still here");
            assertThat(server.log().contains("did not log in within 1 s")).isTrue();
        }
    }

    @Test
    void theServiceGetsTheUserAndTheLinesRightAfterTheLogin() throws IOException {
        AuthenticatedService greeter = session -> session.out().writeLine("* " + session.userName()
                + " said first: " + session.in().readLine() + " from " + session.connection().remoteAddress().getHostAddress());
        try (InProcessServer server = start(AuthSettings.forTests(dataDir), greeter);
             TestClient client = TestClient.connectFrom("127.0.0.2", "127.0.0.1", server.port())) {
            client.readUntil("? name");
            client.send("Иван");
            client.send(PASSWORD);
            client.send(PASSWORD);
            client.send("привет"); // sent before the login has even finished: still the service's line

            assertThat(client.readUntil("* Иван said")).last().isEqualTo("* Иван said first: привет from 127.0.0.2");
        }
    }

    @Test
    void clearingIdentitiesForgetsUsersAddressesAndTokens() throws IOException {
        try (InProcessServer server = start()) {
            String token = registerOrLogIn(server, "bob", true);
            assertThat(auth(server).tokens().size()).isEqualTo(1);

            auth(server).clearIdentities();

            assertThat(auth(server).identification().userCount()).isZero();
            assertThat(auth(server).tokens().size()).isZero();
            assertThat(IdentificationFile.load(auth(server).identification().path()).userCount()).isZero();
            try (TestClient client = TestClient.connect(server)) {
                assertThat(client.readUntil("? name")).last().isEqualTo("? name");
                client.send("/token " + token);
                assertThat(client.readLine()).startsWith("! unknown or expired token");
            }
            assertThat(server.log().contains("identification file cleared")).isTrue();
            assertThat(auth(server).settings().dataDir()).isEqualTo(dataDir);
            assertThat(auth(server).throttle().lockedFor("name:bob")).isEmpty();
        }
    }
}
