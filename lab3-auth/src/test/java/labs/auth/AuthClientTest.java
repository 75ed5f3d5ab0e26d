package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.ServerConfig;
import labs.common.testing.CapturedLog;
import labs.common.testing.InProcessServer;
import labs.threaded.ThreadPerClientServer.Threads;

/** The console client keeps a token per server and user and presents it for that name; a refused token is deleted. */
class AuthClientTest {
    @TempDir
    Path dir;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** A console client in its own thread, with a keyboard the test types on and a screen it reads. */
    private final class RunningClient {
        private final PipedOutputStream keyboard = new PipedOutputStream();
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final Future<Integer> exitCode;

        RunningClient(int port, TokenFile tokenFile) throws IOException {
            PipedInputStream typed = new PipedInputStream(keyboard);
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            exitCode = clients.submit(() -> new AuthClient("127.0.0.1", port, typed, out, tokenFile).run());
        }

        void type(String line) throws IOException {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        String screen() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        void awaitScreen(String text) {
            await().atMost(Duration.ofSeconds(20)).until(() -> screen().contains(text));
        }

        /** Answers the name prompt with a new name and the password prompts with {@code password}. */
        void registerAs(String name, String password) throws IOException {
            awaitScreen("? name");
            type(name);
            awaitScreen("? new password");
            type(password);
            type(password);
        }

        int exit() throws Exception {
            type("exit");
            return exitCode.get(20, TimeUnit.SECONDS);
        }
    }

    private InProcessServer startServer() throws IOException {
        return InProcessServer.start(ServerConfig.anyFreePort(), (config, log) ->
                new AuthServer("authentication server", config, log, AuthSettings.forTests(dir.resolve("data")),
                        new EchoService(new CapturedLog().eventLog()), Threads.PLATFORM));
    }

    /** A client that registered {@code name} and saved its token. */
    private RunningClient registered(InProcessServer server, TokenFile tokenFile, String name, String password) throws IOException {
        RunningClient client = new RunningClient(server.port(), tokenFile);
        client.registerAs(name, password);
        client.awaitScreen("-- saved the session token for " + name);
        return client;
    }

    @Test
    void theTokenIsSavedForItsUserPresentedForThatNameAndDeletedWhenRefused() throws Exception {
        try (InProcessServer server = startServer()) {
            TokenFile tokenFile = TokenFile.forServer(dir.resolve("tokens"), "127.0.0.1", server.port());

            RunningClient first = registered(server, tokenFile, "bob", "password1");
            assertThat(first.screen()).contains("-- saved the session token for bob in " + tokenFile.path());
            assertThat(first.exit()).isZero();
            String firstToken = tokenFile.read("bob").orElseThrow();
            assertThat(first.screen()).contains("* token " + firstToken);

            RunningClient second = new RunningClient(server.port(), tokenFile);
            second.awaitScreen("? name [bob]");
            second.type(""); // Enter: log in as the name offered
            second.awaitScreen("-- saved the session token for bob");
            assertThat(second.screen()).contains("-- presenting the session token saved for bob in " + tokenFile.path(),
                    "* welcome, bob: you are logged in").doesNotContain("? password");
            assertThat(second.exit()).isZero();
            assertThat(tokenFile.read("BOB")).get().isNotEqualTo(firstToken);

            ((AuthServer) server.server()).tokens().clear();
            RunningClient third = new RunningClient(server.port(), tokenFile);
            third.awaitScreen("? name [bob]");
            third.type("bob");
            third.awaitScreen("-- the token saved for bob was refused; deleted it");
            assertThat(tokenFile.read("bob")).isEmpty();
            third.type("bob");
            third.awaitScreen("? password for bob");
            assertThat(third.exit()).isZero();
        }
    }

    /**
     * The attack a student makes without meaning to: alice in one terminal, bob in another, on one
     * machine. Before, the client presented the server's one saved token at the first prompt, so
     * bob's client logged in as alice (and lab 4 would have closed alice's own session).
     */
    @Test
    void aSecondUserOnTheSameMachineLogsInAsThemselves() throws Exception {
        try (InProcessServer server = startServer()) {
            TokenFile tokenFile = TokenFile.forServer(dir.resolve("tokens"), "127.0.0.1", server.port());
            RunningClient alice = registered(server, tokenFile, "alice", "password1");

            RunningClient bob = registered(server, tokenFile, "bob", "password2");
            assertThat(bob.screen()).contains("* welcome, bob: you are logged in")
                    .doesNotContain("presenting", "welcome, alice");
            assertThat(bob.exit()).isZero();
            assertThat(alice.exit()).isZero();
            assertThat(tokenFile.read("alice")).isPresent();
            assertThat(tokenFile.read("bob")).isPresent().isNotEqualTo(tokenFile.read("alice"));
        }
    }

    @Test
    void helpNamesTheTokenOptions() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            AuthClient.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--tokens", "--forget-token", "--port");
    }
}
