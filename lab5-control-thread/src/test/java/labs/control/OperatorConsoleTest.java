package labs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.EventLog;

/** The console against a fake server: every command's answer and effect, without sockets. */
class OperatorConsoleTest {
    @TempDir
    Path dir;

    private final FakeControl control = new FakeControl();
    private EventLog log;
    private OperatorConsole.Ending ending;

    @BeforeEach
    void openLog() throws IOException {
        log = new EventLog(null, dir.resolve("server.log"), false, Clock.systemDefaultZone());
    }

    @AfterEach
    void closeLog() throws IOException {
        log.close();
    }

    private String run(String script) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ending = new OperatorConsole(control, log, out).run(new BufferedReader(new StringReader(script)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommand() throws IOException {
        String output = run("help\n");
        for (Command command : Command.values()) {
            assertThat(output).contains(command.word());
        }
        assertThat(output).contains("exit, quit").contains("Ctrl+C").contains("standard input");
    }

    @Test
    void statusSaysWhereItListensWhoIsOnlineAndForHowLong() throws IOException {
        assertThat(run("status\n")).contains(
                "listening on 127.0.0.1:5000; 2 user(s) online, 3 connection(s); up 1:02:03; 7 client(s) served");
        control.listening = false;
        assertThat(run("STATUS\n")).contains("paused (not listening on 127.0.0.1:5000)");
        control.stopped = true;
        assertThat(run("status\n")).contains("stopped; 7 client(s) served");
    }

    @Test
    void threadsListsEveryThreadWithItsState() throws IOException {
        String output = run("threads\n");
        assertThat(output).containsPattern("\\d+ thread\\(s\\); \\d+ of them the JVM's own")
                .contains("  " + Thread.currentThread().getName() + " ").contains("RUNNABLE");
        assertThat(log.tail(1)).singleElement().asString().endsWith("operator: threads");
    }

    @Test
    void pauseAndResumeToggleListening() throws IOException {
        String output = run("pause\npause\nresume\nresume\n");
        assertThat(output).contains("paused: new connections to port 5000 are refused; 2 user(s) online stay connected",
                "already paused", "listening again on 127.0.0.1:5000", "already listening");
        assertThat(control.listening).isTrue();
    }

    @Test
    void aTakenPortLeavesTheServerPaused() throws IOException {
        control.portTaken = true;
        String output = run("pause\nresume\n");
        assertThat(output).contains("cannot resume: port 5000 on 127.0.0.1 is already in use; still paused");
        assertThat(control.listening).isFalse();
        control.portTaken = false;
        assertThat(run("resume\n")).contains("listening again");
    }

    @Test
    void unknownCommandsGetAHintAndTheConsoleGoesOn() throws IOException {
        String output = run("reboot\n\n   \nstatus\n");
        assertThat(output).contains("unknown command 'reboot'; type 'help' for the list").contains("listening on");
        assertThat(ending).isEqualTo(OperatorConsole.Ending.END_OF_INPUT);
    }

    @Test
    void clearIdsSaysHowManyUsersWereForgotten() throws IOException {
        assertThat(run("clear-ids\n")).contains("3 user(s) forgotten, every session token revoked");
        assertThat(control.knownUsers).isZero();
    }

    @Test
    void shutdownIsTheLastCommandRead() throws IOException {
        String output = run("quit\nstatus\n");
        assertThat(ending).isEqualTo(OperatorConsole.Ending.SHUTDOWN);
        assertThat(control.shutdowns).hasValue(1);
        assertThat(output).contains("server stopped: every thread has ended").doesNotContain("client(s) served");
    }

    @Test
    void aServerAlreadyStoppedSaysSo() throws IOException {
        control.shutdown(); // as the shutdown hook would, on Ctrl+C
        String output = run("pause\nresume\nexit\n");
        assertThat(output).contains("the server has stopped", "the server was already shut down");
    }

    @Test
    void endOfInputDoesNotShutDown() throws IOException {
        run("status\n");
        assertThat(ending).isEqualTo(OperatorConsole.Ending.END_OF_INPUT);
        assertThat(control.shutdowns).hasValue(0);
    }

    @Test
    void everyCommandIsLoggedEvenAWrongOne() throws IOException {
        run("status\nPause\nfly away\nlogs 1\n");
        assertThat(Files.readAllLines(log.file())).anyMatch(l -> l.endsWith("operator: status"))
                .anyMatch(l -> l.endsWith("operator: Pause"))
                .anyMatch(l -> l.endsWith("operator: fly away"))
                .anyMatch(l -> l.endsWith("operator: logs 1"));
    }

    @Test
    void logCommandsNeedALogFile() throws IOException {
        log = new EventLog(null, null, false, Clock.systemDefaultZone());
        String output = run("logs\nclear-logs\nstatus\n");
        assertThat(output).contains("error: this server logs to the console only").contains("listening on");
    }
}
