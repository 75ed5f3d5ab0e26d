package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.LineReader;
import labs.common.LineWriter;
import labs.common.testing.CapturedLog;

/** Every path through the login, on in-memory streams: no sockets, no threads, no waiting. */
class LoginProtocolTest {
    private static final String HOME = "10.0.0.1";
    private static final String WELCOME = "* welcome: type your name to log in or to register (or /token T to use a session token)";
    private static final String NEW_NAME = " is a new name: choose a password of at least 8 characters; it is stored only as a salted hash";

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final CapturedLog log = new CapturedLog();
    private AuthSettings settings;
    private IdentificationFile ids;
    private TokenStore tokens;
    private LoginThrottle throttle;
    private LoginProtocol protocol;
    private AuthSettings protocolSettings;

    /** What one conversation produced: the login's result, every line sent, and the reader after it. */
    private record Talk(Optional<String> user, List<String> lines, LineReader in) {
        String token() {
            return lines.stream().filter(line -> line.startsWith("* token ")).findFirst().orElseThrow().split(" ")[2];
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        settings = AuthSettings.forTests(dir).withClock(clock);
        ids = IdentificationFile.load(settings.identificationFile());
        tokens = new TokenStore(clock, settings.tokenLifetime());
        throttle = new LoginThrottle(clock, settings.lockoutAfter(), settings.lockoutDuration());
    }

    private Talk talk(String address, String... lines) throws IOException {
        String script = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        return talk(address, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
    }

    private Talk talk(String address, InputStream input) throws IOException {
        if (protocol == null || protocol.ids != ids || !protocolSettings.equals(settings)) { // one per server, as in the server
            protocol = new LoginProtocol(ids, tokens, throttle, settings, log.eventLog());
            protocolSettings = settings;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LineReader in = new LineReader(input, settings.maxLineBytes());
        Optional<String> user = protocol.login(in, new LineWriter(output), address, "client-1");
        String text = output.toString(StandardCharsets.UTF_8);
        return new Talk(user, text.isEmpty() ? List.of() : Arrays.asList(text.split("\n")), in);
    }

    private void register(String name) throws IOException {
        assertThat(talk("192.168.0.99", name, "password1", "password1").user()).contains(name);
    }

    @Test
    void aNewNameChoosesAPasswordTwiceAndIsLoggedIn() throws IOException {
        Talk talk = talk(HOME, "Алиса", "password1", "password1", "the first line after the login");

        assertThat(talk.user()).contains("Алиса");
        assertThat(talk.lines()).hasSize(7).startsWith(WELCOME, "? name", "* Алиса" + NEW_NAME,
                "? new password", "? repeat password", "* welcome, Алиса: you are logged in");
        assertThat(talk.lines().get(6)).matches("\\* token [A-Za-z0-9_-]{43} valid until 2026-01-01T01:00:00Z");
        assertThat(talk.in().readLine()).as("the service reads on from here").isEqualTo("the first line after the login");
        assertThat(ids.find("алиса")).isPresent();
        assertThat(ids.lastNameFrom(HOME)).contains("Алиса");
        assertThat(log.contains("registered Алиса")).isTrue();
        assertThat(log.lines()).noneMatch(line -> line.contains("password1"));
    }

    @Test
    void aKnownNameIsAskedForItsPasswordInAnyCase() throws IOException {
        register("bob");

        Talk talk = talk(HOME, "  BOB ", "password1");

        assertThat(talk.user()).contains("bob");
        assertThat(talk.lines()).startsWith(WELCOME, "? name", "? password for bob", "* welcome, bob: you are logged in");
        assertThat(log.contains("logged in as bob (password)")).isTrue();
    }

    @Test
    void aKnownAddressIsOfferedItsLastNameAndAnEmptyLineAcceptsIt() throws IOException {
        register("bob");
        talk(HOME, "bob", "password1");

        Talk talk = talk(HOME, "", "password1");

        assertThat(talk.user()).contains("bob");
        assertThat(talk.lines()).startsWith("* welcome back, bob: press Enter to log in as bob, or type another name",
                "? name [bob]", "? password for bob");
        assertThat(talk("10.0.0.2", "/quit").lines()).startsWith(WELCOME, "? name").doesNotContain("? name [bob]");
    }

    @Test
    void aKnownAddressMayStillLogInAsSomeoneElse() throws IOException {
        register("bob");
        register("carol");
        talk(HOME, "bob", "password1");

        Talk talk = talk(HOME, "carol", "password1");

        assertThat(talk.user()).contains("carol");
        assertThat(ids.lastNameFrom(HOME)).contains("carol");
    }

    @Test
    void aWrongPasswordIsAskedAgainAndTheThirdWrongAnswerDisconnects() throws IOException {
        register("bob");

        Talk talk = talk(HOME, "bob", "guess1", "guess2", "guess3", "never read");

        assertThat(talk.user()).isEmpty();
        assertThat(talk.lines()).containsExactly(WELCOME, "? name", "? password for bob", "! wrong password",
                "? password for bob", "! wrong password", "? password for bob", "! wrong password", "! 3 wrong answers: goodbye");
        assertThat(log.contains("login ended: 3 wrong answers")).isTrue();
        assertThat(log.lines()).noneMatch(line -> line.contains("guess"));
    }

    @Test
    void aRightPasswordAfterAWrongOneLogsIn() throws IOException {
        register("bob");

        assertThat(talk(HOME, "bob", "guess1", "password1").user()).contains("bob");
    }

    @Test
    void badNamesAreRefusedSayingWhyAndCountAsWrongAnswers() throws IOException {
        Talk talk = talk(HOME, "no spaces", "", "x".repeat(33), "never read");

        assertThat(talk.user()).isEmpty();
        assertThat(talk.lines()).containsExactly(WELCOME, "? name",
                "! a name may hold letters, digits, _ and - only, not 'U+0020'", "? name",
                "! a name cannot be empty", "? name",
                "! a name has at most 32 characters, not 33", "! 3 wrong answers: goodbye");
    }

    @Test
    void aShortOrMistypedNewPasswordIsAskedAgain() throws IOException {
        Talk talk = talk(HOME, "dave", "short", "password1", "password2", "password1", "password1");

        assertThat(talk.user()).contains("dave");
        assertThat(talk.lines()).containsSubsequence("? new password", "! password too short: at least 8 characters",
                "? new password", "? repeat password", "! the two passwords differ",
                "? new password", "? repeat password", "* welcome, dave: you are logged in");
    }

    @Test
    void aPasswordOfManyCharactersAndAnyScriptWorks() throws IOException {
        String password = "Пароль, который длиннее шестидесяти четырёх символов: 0123456789 abcdefghij";
        assertThat(password.length()).isGreaterThan(64);
        talk(HOME, "erin", password, password);

        assertThat(talk(HOME, "erin", password).user()).contains("erin");
        assertThat(talk("10.0.0.3", "erin", password.substring(0, 64), password).user()).contains("erin");
        assertThat(log.contains("wrong password for erin")).as("a prefix is not the password").isTrue();
    }

    @Test
    void aValidTokenLogsInWithoutAPasswordAndIsReplacedByANewOne() throws IOException {
        String token = talk(HOME, "bob", "password1", "password1").token();

        Talk talk = talk("10.0.0.7", "/token " + token);

        assertThat(talk.user()).contains("bob");
        assertThat(talk.lines()).startsWith(WELCOME, "? name", "* welcome, bob: you are logged in");
        assertThat(talk.token()).isNotEqualTo(token);
        assertThat(log.contains("logged in as bob (token)")).isTrue();
        assertThat(talk("10.0.0.7", "/token " + token, "/quit").lines())
                .as("a token works once").contains("! unknown or expired token: log in with your name and password");
    }

    @Test
    void expiredAndForgedTokensGetAnErrorAndTheNamePromptAgain() throws IOException {
        String token = talk(HOME, "bob", "password1", "password1").token();
        clock.advance(settings.tokenLifetime());

        Talk talk = talk(HOME, "/token " + token, "/token forged", "bob", "password1");

        assertThat(talk.user()).contains("bob");
        assertThat(talk.lines()).startsWith("* welcome back, bob: press Enter to log in as bob, or type another name",
                "? name [bob]", "! unknown or expired token: log in with your name and password",
                "? name [bob]", "! unknown or expired token: log in with your name and password",
                "? name [bob]", "? password for bob");
    }

    @Test
    void tokensFromBeforeClearingTheFileLogNobodyIn() throws IOException {
        String first = talk(HOME, "bob", "password1", "password1").token();
        String second = talk(HOME, "bob", "password1").token();
        ids.clear();
        assertThat(talk(HOME, "/token " + first, "/quit").user()).isEmpty();

        talk(HOME, "bob", "another-password", "another-password"); // a new bob registers the old name

        assertThat(talk(HOME, "/token " + second, "/quit").lines())
                .contains("! unknown or expired token: log in with your name and password");
    }

    @Test
    void fiveWrongPasswordsForOneNameLockItOutFromEveryAddress() throws IOException {
        register("bob");
        talk("10.0.0.1", "bob", "guess1", "guess2", "guess3");
        Talk fourthAndFifth = talk("10.0.0.2", "bob", "guess4", "guess5", "password1");

        assertThat(fourthAndFifth.user()).isEmpty();
        assertThat(fourthAndFifth.lines()).endsWith("! wrong password", "! too many failed logins: try again in 60 s");
        assertThat(talk("10.0.0.3", "bob", "password1").lines())
                .containsExactly(WELCOME, "? name", "! too many failed logins: try again in 60 s");

        clock.advance(Duration.ofSeconds(60));
        assertThat(talk("10.0.0.3", "bob", "password1").user()).contains("bob");
    }

    @Test
    void fiveFailuresFromOneAddressLockItsPasswordsAndRegistrationsWhateverTheNameButNotItsTokens() throws IOException {
        String token = talk("10.0.0.9", "erin", "password1", "password1").token();
        register("bob");
        register("carol");
        talk("10.0.0.9", "bob", "guess1", "guess2", "guess3");
        talk("10.0.0.9", "carol", "guess1", "/token forged", "guess2");

        assertThat(talk("10.0.0.9", "dave").lines()).as("a new name")
                .containsExactly("* welcome back, erin: press Enter to log in as erin, or type another name", "? name [erin]",
                        "! too many failed logins: try again in 60 s");
        assertThat(talk("10.0.0.9", "erin", "password1").lines()).as("a password").endsWith("? name [erin]",
                "! too many failed logins: try again in 60 s");
        assertThat(talk("10.0.0.9", "/token " + token).user()).as("a token").contains("erin");
        assertThat(talk("10.0.0.10", "carol", "password1").user()).as("other addresses may").contains("carol");
    }

    @Test
    void aLoginOfOnesOwnClearsTheNameButNotTheAddress() throws IOException {
        register("bob");
        register("mallory");
        talk("10.0.0.11", "bob", "guess1", "guess2", "guess3");
        talk("10.0.0.11", "bob", "guess4");
        assertThat(talk("10.0.0.11", "mallory", "password1").user()).contains("mallory");

        assertThat(talk("10.0.0.11", "bob", "guess5", "password1").lines()).endsWith("! wrong password",
                "! too many failed logins: try again in 60 s");
        assertThat(talk("10.0.0.12", "mallory", "password1").user()).as("mallory's name was cleared").contains("mallory");
    }

    @Test
    void registrationsFromOneAddressStopAtTheBurstAndComeBackWithTime() throws IOException {
        settings = settings.withRegistrationLimits(2, 60, 1000);
        talk(HOME, "ann", "password1", "password1");
        talk(HOME, "ben", "password1", "password1");

        Talk refused = talk(HOME, "cid", "/quit");

        assertThat(refused.lines()).containsSubsequence("! too many new registrations from your address: try again in 60 s", "? name [ben]");
        assertThat(talk("10.0.0.99", "cid", "password1", "password1").user()).as("another address").contains("cid");
        clock.advance(Duration.ofMinutes(1));
        assertThat(talk(HOME, "dan", "password1", "password1").user()).as("one more a minute later").contains("dan");
    }

    @Test
    void aFullFileRefusesNewNamesSayingSoEvenWhenItFillsUpDuringTheRegistration() throws IOException {
        ids = IdentificationFile.load(dir.resolve("small.txt"), 2);
        register("ann");

        assertThat(talk(HOME, "ben", "password1", "password1").user()).contains("ben");
        assertThat(talk(HOME, "cid", "/quit").lines())
                .contains("! no new registrations: the server already holds its limit of 2 users");
        ids = IdentificationFile.load(dir.resolve("racing.txt"), 1);
        InputStream input = new OneLinePerRead(List.of("gina", "password1", "password1"), 2,
                () -> ids.register("other", new PasswordHasher(1000).hash("other-password".toCharArray())));
        assertThat(talk(HOME, input).lines()).endsWith("! no new registrations: the server already holds its limit of 1 users");
    }

    @Test
    void aPasswordTypedDecomposedLogsInWhenTypedComposed() throws IOException {
        talk(HOME, "rene", "caf\u0065\u0301-secret", "caf\u0065\u0301-secret"); // e + combining acute, as macOS sends it

        assertThat(talk(HOME, "rene", "caf\u00e9-secret").user()).contains("rene");
    }

    @Test
    void aNameFromAFileOfOlderRulesStillLogsIn() throws IOException {
        PasswordHash hash = new PasswordHasher(1000).hash("password1".toCharArray());
        java.nio.file.Files.writeString(dir.resolve("old.txt"), "user \u0430lice " + hash.encode() + "\n");
        ids = IdentificationFile.load(dir.resolve("old.txt"));

        assertThat(talk(HOME, "\u0430lice", "password1").user()).contains("\u0430lice");
        assertThat(talk(HOME, "\u0430lic\u0435", "/quit").lines()).as("but no new mixed name")
                .contains("! a name is written in one script, not in [cyrillic, latin]");
    }

    @Test
    void aLockedOutNameLooksTheSameWhetherOrNotItExists() throws IOException {
        for (int i = 0; i < settings.lockoutAfter(); i++) {
            throttle.failure("name:" + UserNames.key("ghost"));
        }

        assertThat(talk(HOME, "ghost").lines()).containsExactly(WELCOME, "? name", "! too many failed logins: try again in 60 s");
    }

    @Test
    void aLineTooLongIsAWrongAnswerAndTheLoginGoesOn() throws IOException {
        Talk talk = talk(HOME, "x".repeat(settings.maxLineBytes() + 1), "frank", "password1", "password1");

        assertThat(talk.user()).contains("frank");
        assertThat(talk.lines()).startsWith(WELCOME, "? name", "! line too long: at most 4096 bytes", "? name");
    }

    @Test
    void aClientThatLeavesOrQuitsEndsTheLogin() throws IOException {
        assertThat(talk(HOME, "bob", "password1").user()).isEmpty();
        assertThat(log.contains("login ended: client left")).isTrue();

        Talk quit = talk(HOME, "/quit");
        assertThat(quit.user()).isEmpty();
        assertThat(quit.lines()).containsExactly(WELCOME, "? name", "* bye");
    }

    @Test
    void aHashWithFewerIterationsIsRedoneAtTheNextLogin() throws IOException {
        register("bob");
        settings = settings.withIterations(2000);

        assertThat(talk(HOME, "bob", "password1").user()).contains("bob");

        assertThat(ids.find("bob").orElseThrow().password().iterations()).isEqualTo(2000);
        assertThat(talk(HOME, "bob", "password1").user()).contains("bob");
    }

    @Test
    void aNameRegisteredByAnotherClientMeanwhileSendsThisOneBackToTheNamePrompt() throws IOException {
        InputStream input = new OneLinePerRead(List.of("gina", "password1", "password1", "gina2", "password2", "password2"), 2,
                () -> ids.register("gina", new PasswordHasher(1000).hash("other-password".toCharArray())));

        Talk talk = talk(HOME, input);

        assertThat(talk.user()).contains("gina2");
        assertThat(talk.lines()).containsSubsequence("? repeat password",
                "! the name gina was registered by someone else a moment ago: choose another", "? name", "* gina2" + NEW_NAME);
    }

    @Test
    void aFileThatCannotBeSavedRefusesRegistrationsButPasswordLoginsGoOn() throws IOException {
        register("bob");
        ids = IdentificationFile.load(settings.identificationFile(), temporary -> {
            throw new IOException("disk full");
        });
        settings = settings.withIterations(2000);

        Talk refused = talk(HOME, "helen", "password1", "password1");
        Talk bob = talk("10.0.0.20", "bob", "password1");

        assertThat(refused.user()).isEmpty();
        assertThat(refused.lines()).endsWith("! the server cannot save new users right now: try again later");
        assertThat(bob.user()).as("neither the new hash nor the address could be saved").contains("bob");
        assertThat(log.contains("cannot save the new hash of bob: disk full")).isTrue();
        assertThat(log.contains("cannot save the identification file: disk full")).isTrue();
    }

    /** Hands out one line per read, and runs an action just before the line with the given index. */
    private static final class OneLinePerRead extends InputStream {
        private final List<byte[]> lines = new ArrayList<>();
        private final int actionBefore;
        private final IoAction action;
        private int next;

        interface IoAction {
            void run() throws IOException;
        }

        OneLinePerRead(List<String> lines, int actionBefore, IoAction action) {
            lines.forEach(line -> this.lines.add((line + "\n").getBytes(StandardCharsets.UTF_8)));
            this.actionBefore = actionBefore;
            this.action = action;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("LineReader reads blocks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (next == lines.size()) {
                return -1;
            }
            if (next == actionBefore) {
                action.run();
            }
            byte[] line = lines.get(next++);
            System.arraycopy(line, 0, buffer, offset, line.length);
            return line.length;
        }
    }
}
