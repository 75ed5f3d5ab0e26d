package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.auth.AuthSettings;
import labs.common.CommandLine;

/** The program as its main method runs it, and the effects of the commands on its files. */
class ControlledChatServerTest {
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return ControlledChatServer.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new InProcessOperated.Hooks());
    }

    @Test
    void helpListsTheOptionsWithTheLogFileInTheDataFolder() {
        assertThat(run("", "--help")).isEqualTo(CommandLine.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--data-dir", "--log-file", "<data-dir>/server.log");
    }

    @Test
    void aBadOptionIsOneLineAndExitCodeTwo() {
        assertThat(run("", "--colour", "blue")).isEqualTo(CommandLine.BAD_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown option --colour");
    }

    @Test
    void aTakenPortIsExitCodeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThat(run("", "--port", Integer.toString(taken.getLocalPort()), "--data-dir", dataDir.toString()))
                    .isEqualTo(CommandLine.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("already in use");
        }
    }

    @Test
    void anUnreadableIdentificationFileIsExitCodeOneAndNamesTheFile() throws IOException {
        Files.writeString(dataDir.resolve(AuthSettings.FILE_NAME), "nonsense\n");
        assertThat(run("", "--port", "0", "--data-dir", dataDir.toString())).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(AuthSettings.FILE_NAME);
    }

    @Test
    void aScriptOfCommandsEndingInShutdownExitsWithZero() {
        Path logFile = dataDir.resolve("elsewhere.log");
        int code = run("status\npause\nstatus\nresume\nshutdown\n",
                "--port", "0", "--data-dir", dataDir.toString(), "--iterations", "1000", "--log-file", logFile.toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("paused (not listening", "listening again", "server stopped");
        assertThat(logFile).content().contains("operator: pause", "operator: resume", "stopped: 0 client(s) served");
    }

    @Test
    void theLogFileIsInTheDataFolderByDefault() throws Exception {
        try (InProcessOperated server = InProcessOperated.start(dataDir)) {
            server.command("status", "listening");
            assertThat(server.logFile()).content().contains("listening on 127.0.0.1:" + server.port(), "operator: status");
            assertThat(server.errors()).as("the log also goes to standard error").contains("operator: status");
        }
    }

    @Test
    void clearLogsLeavesOnlyTheLinesWrittenAfterIt() throws Exception {
        try (InProcessOperated server = InProcessOperated.start(dataDir);
             ChatUser alice = ChatUser.register(server, "alice")) {
            // Her welcome can reach her before the server logs her join: wait for that line, or it may follow the clear.
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(server.logFile()).contains("alice joined the chat"));
            server.command("clear-logs", "emptied");
            // The log's own thread writes the file: wait for the line rather than read at once.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readAllLines(server.logFile()))
                    .singleElement().asString().endsWith("log file cleared by the operator"));
            alice.say("/quit");
            alice.client.readUntilClosed(); // she has left the room by now, and that is logged
            server.command("logs", "line(s) of");
            assertThat(Files.readAllLines(server.logFile())).anyMatch(line -> line.contains("alice left"))
                    .noneMatch(line -> line.contains("registered alice"));
        }
    }

    @Test
    void clearIdsLeavesAnIdentificationFileWithNoRecords() throws Exception {
        try (InProcessOperated server = InProcessOperated.start(dataDir)) {
            ChatUser.register(server, "alice").close();
            Path ids = dataDir.resolve(AuthSettings.FILE_NAME);
            assertThat(records(ids)).hasSize(2); // alice's user line and her address line
            assertThat(server.command("clear-ids", "forgotten")).contains("1 user(s) forgotten");
            assertThat(records(ids)).isEmpty();
        }
    }

    @Test
    void aRegistrationInFlightAcrossClearIdsStandsAlone() throws Exception {
        try (InProcessOperated server = InProcessOperated.start(dataDir)) {
            ChatUser.register(server, "olga").close();
            // Alice has chosen her name and typed her password once when the operator clears.
            try (ChatUser alice = ChatUser.typeName(server, "alice")) {
                alice.client.readUntil("? new password");
                alice.say(ChatUser.PASSWORD);
                server.command("clear-ids", "forgotten");
                alice.repeatPassword();
            }
            assertThat(records(dataDir.resolve(AuthSettings.FILE_NAME))).containsExactly("user alice", "address 127.0.0.1");
        }
    }

    @Test
    void aLoginInFlightAcrossClearIdsCompletesButTheUserMustRegisterNextTime() throws Exception {
        try (InProcessOperated server = InProcessOperated.start(dataDir)) {
            ChatUser.register(server, "bob").close();
            try (ChatUser bob = ChatUser.typeName(server, "bob")) {
                bob.client.readUntil("? password for bob");
                server.command("clear-ids", "forgotten");
                bob.say(ChatUser.PASSWORD);
                bob.client.readUntil("* type to talk"); // the password was right when it was checked
            }
            assertThat(records(dataDir.resolve(AuthSettings.FILE_NAME))).isEmpty();
            try (ChatUser bob = ChatUser.typeName(server, "bob")) {
                assertThat(bob.client.readLine()).startsWith("* bob is a new name");
            }
        }
    }

    /** The identification file's records, as "kind name-or-address", without hashes and comments. */
    private static List<String> records(Path ids) throws IOException {
        return Files.readAllLines(ids).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 2)))
                .toList();
    }
}
