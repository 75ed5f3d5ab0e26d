package labs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.EventLog;

/** {@code logs} and {@code clear-logs} on a real log file. */
class LogCommandsTest {
    @TempDir
    Path dir;

    private EventLog log;

    @BeforeEach
    void openLog() throws IOException {
        log = new EventLog(null, dir.resolve("server.log"), false, Clock.systemDefaultZone());
    }

    @AfterEach
    void closeLog() throws IOException {
        log.close();
    }

    private List<String> run(String script) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new OperatorConsole(new FakeControl(), log, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new BufferedReader(new StringReader(script)));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void logsShowsTheLastLinesOfTheFile() throws IOException {
        for (int i = 1; i <= 5; i++) {
            log.info("event " + i);
        }
        List<String> output = run("logs 3\n");
        // The last three lines are event 4, event 5 and the command itself.
        assertThat(output.get(1)).endsWith("event 4");
        assertThat(output.get(2)).endsWith("event 5");
        assertThat(output.get(3)).endsWith("operator: logs 3");
        assertThat(output.get(4)).isEqualTo("(3 line(s) of " + log.file() + ")");
    }

    @Test
    void logsWithoutACountShowsEverything() throws IOException {
        log.info("first");
        List<String> output = run("logs\n");
        assertThat(output).anyMatch(l -> l.endsWith("first")).contains("(2 line(s) of " + log.file() + ")");
    }

    @Test
    void clearLogsEmptiesTheFileAndLoggingGoesOn() throws IOException {
        log.info("before the clear");
        run("clear-logs\n");
        List<String> afterClear = log.tail(0); // the log writes in its own thread: tail waits for it, a bare read would not
        assertThat(afterClear).singleElement().asString().endsWith("log file cleared by the operator");
        log.info("after the clear");
        assertThat(log.tail(0)).hasSize(2).noneMatch(l -> l.contains("before the clear"))
                .last().asString().endsWith("after the clear");
    }
}
