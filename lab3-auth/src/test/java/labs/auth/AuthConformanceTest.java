package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.testing.ServerUnderTest;
import labs.common.testing.TestClient;
import labs.threaded.ThreadPerClientServer.Threads;

/**
 * Lab 3's protocol, tested only through sockets, so it grades any program (see docs/protocol.md):
 * <pre>
 *   mvn -pl lab3-auth -am test -Dtest=AuthConformanceTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
 *       -Dlab.server.command="python3 /abs/auth_server.py --port {port} --iterations 1000"
 * </pre>
 * What is checked is the grammar: the tags, the prompts {@code ? name}, {@code ? password},
 * {@code ? new password}, {@code ? repeat password}, the default name in brackets, and the
 * {@code * token T} line that ends a login; the wording of other lines is free. Names carry a
 * random suffix, so a program that keeps its file between runs passes too.
 */
class AuthConformanceTest {
    private static final String PASSWORD = "password1";

    @TempDir
    Path dataDir;

    private ServerUnderTest server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = ServerUnderTest.startDefault((config, log) -> new AuthServer("authentication server", config, log,
                AuthSettings.forTests(dataDir), new EchoService(log), Threads.PLATFORM));
    }

    @AfterEach
    void stopServer() throws IOException {
        for (TestClient client : clients) {
            client.close();
        }
        server.close();
    }

    private TestClient connect(String from) throws IOException {
        TestClient client = TestClient.connectFrom(from, server.host(), server.port());
        clients.add(client);
        return client;
    }

    private static String unique(String name) {
        return name + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    /** Registers {@code name} and returns the lines of the whole login. */
    private List<String> register(TestClient client, String name) throws IOException {
        List<String> lines = new ArrayList<>(client.readUntil("? name"));
        client.send(name);
        lines.addAll(client.readUntil("? new password"));
        client.send(PASSWORD);
        lines.addAll(client.readUntil("? repeat password"));
        client.send(PASSWORD);
        lines.addAll(client.readUntil("* token "));
        return lines;
    }

    private static String tokenIn(List<String> lines) {
        return lines.get(lines.size() - 1).split(" ")[2];
    }

    private static void assertTagged(List<String> lines) {
        assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("* ") || line.startsWith("? ") || line.startsWith("! "),
                "starts with '* ', '? ' or '! '");
    }

    @Test
    void aNewUserRegistersThenGetsTheEchoUntilQuit() throws IOException {
        TestClient client = connect("127.0.0.1");
        List<String> lines = register(client, unique("alice"));
        String token = tokenIn(lines);

        client.send("hello, сервер");
        lines.add(client.readLineMatching(line -> line.contains("hello, сервер")));
        client.send("/quit");
        lines.addAll(client.readUntilClosed());

        assertTagged(lines);
        assertThat(token).matches("[A-Za-z0-9_-]{22,}");
    }

    @Test
    void aKnownUserLogsInWithItsPasswordAndACyrillicNameWorks() throws IOException {
        String name = unique("Алиса");
        register(connect("127.0.0.1"), name);

        TestClient again = connect("127.0.0.4");
        again.readUntil("? name");
        again.send(name.toUpperCase());
        List<String> lines = new ArrayList<>(again.readUntil("? password"));
        again.send(PASSWORD);
        lines.addAll(again.readUntil("* token "));

        assertTagged(lines);
    }

    @Test
    void theLastNameFromAnAddressIsOfferedAndAnEmptyLineAcceptsIt() throws IOException {
        String name = unique("bob");
        register(connect("127.0.0.2"), name);

        TestClient sameAddress = connect("127.0.0.2");
        List<String> greeting = sameAddress.readUntil("? name");
        assertThat(greeting.get(greeting.size() - 1)).isEqualTo("? name [" + name + "]");
        sameAddress.send("");
        sameAddress.readUntil("? password");
        sameAddress.send(PASSWORD);
        sameAddress.readUntil("* token ");

        TestClient otherAddress = connect("127.0.0.3");
        assertThat(otherAddress.readUntil("? name")).noneMatch(line -> line.contains(name));
    }

    @Test
    void threeWrongPasswordsEndTheConnection() throws IOException {
        String name = unique("carol");
        register(connect("127.0.0.1"), name);

        TestClient guesser = connect("127.0.0.5");
        guesser.readUntil("? name");
        guesser.send(name);
        List<String> lines = new ArrayList<>(guesser.readUntil("? password"));
        for (int i = 1; i <= 3; i++) {
            guesser.send("wrong-" + i);
        }
        lines.addAll(guesser.readUntilClosed());

        assertTagged(lines);
        assertThat(lines.stream().filter(line -> line.startsWith("! "))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines).noneMatch(line -> line.startsWith("* token"));
        assertThat(String.join("\n", lines)).doesNotContain("wrong-1", "wrong-2", "wrong-3");
    }

    @Test
    void aClientThatSendsEverythingAtOnceStillReadsTheGoodbye() throws IOException {
        String name = unique("ivan");
        register(connect("127.0.0.1"), name);

        TestClient hasty = connect("127.0.0.8");
        hasty.send(name + "\nwrong-1\nwrong-2\nwrong-3" + "\nmore".repeat(2000));
        List<String> lines = hasty.readUntilClosed();

        assertTagged(lines);
        assertThat(lines.get(lines.size() - 1)).startsWith("! ");
        assertThat(lines.stream().filter(line -> line.startsWith("! "))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void badNamesGetAnErrorAndTheNamePromptAgain() throws IOException {
        TestClient client = connect("127.0.0.1");
        client.readUntil("? name");

        client.send("two words");
        List<String> lines = client.readUntil("? name");
        client.sendRaw(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', '\n'});
        lines.addAll(client.readUntil("? name"));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("! ");
        assertThat(lines.get(2)).startsWith("! ");
        client.send(unique("dave"));
        assertThat(client.readUntil("? new password")).isNotEmpty();
    }

    @Test
    void aLineTooLongGetsAnErrorAndTheConnectionGoesOn() throws IOException {
        TestClient client = connect("127.0.0.1");
        client.readUntil("? name");

        client.send("x".repeat(10_000));

        assertThat(client.readLine()).startsWith("! ");
        assertThat(client.readUntil("? name")).isNotEmpty();
        client.send(unique("erin"));
        assertThat(client.readUntil("? new password")).isNotEmpty();
    }

    @Test
    void aTokenLogsInWithoutPasswordOnceAndForgedOnesAreRefused() throws IOException {
        String token = tokenIn(register(connect("127.0.0.1"), unique("frank")));

        TestClient withToken = connect("127.0.0.6");
        withToken.readUntil("? name");
        withToken.send("/token " + token);
        List<String> lines = withToken.readUntil("* token ");
        assertThat(tokenIn(lines)).isNotEqualTo(token);
        withToken.send("still here");
        assertThat(withToken.readLineMatching(line -> line.contains("still here"))).startsWith("* ");

        TestClient forger = connect("127.0.0.7");
        forger.readUntil("? name");
        forger.send("/token " + token);       // already used
        assertThat(forger.readLine()).startsWith("! ");
        assertThat(forger.readUntil("? name")).isNotEmpty();
        forger.send("/token AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(forger.readLine()).startsWith("! ");
    }

    @Test
    void ofTwoClientsRegisteringOneNewNameExactlyOneWins() throws IOException {
        String name = unique("gina");
        TestClient first = connect("127.0.0.1");
        TestClient second = connect("127.0.0.2");
        for (TestClient client : List.of(first, second)) {
            client.readUntil("? name");
            client.send(name);
            client.readUntil("? new password"); // both were told the name is free
            client.send(PASSWORD);
            client.readUntil("? repeat password");
        }
        first.send(PASSWORD);
        second.send(PASSWORD);

        int winners = 0;
        for (TestClient client : List.of(first, second)) {
            String outcome = client.readLineMatching(line -> line.startsWith("* token ") || line.startsWith("! "));
            if (outcome.startsWith("* token ")) {
                winners++;
            } else {
                assertThat(client.readUntil("? name")).as("the loser may choose another name").isNotEmpty();
            }
        }
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aClientThatVanishesMidLineHarmsNobodyElse() throws IOException {
        TestClient vanishing = connect("127.0.0.1");
        vanishing.readUntil("? name");
        vanishing.sendRaw("half a na".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        vanishing.abort();

        TestClient other = connect("127.0.0.1");
        assertTagged(register(other, unique("hank")));
    }

    @Test
    void quitAtTheNamePromptSaysGoodbye() throws IOException {
        TestClient client = connect("127.0.0.1");
        client.readUntil("? name");

        client.send("/quit");

        assertTagged(client.readUntilClosed());
    }
}
