package labs.control;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import labs.common.testing.ServerUnderTest;

/**
 * A lab 5 server that a test drives like an operator, through its standard input, and like its
 * users, through its socket. By default it is this lab's own server in this JVM, its standard
 * input a pipe; with {@code -Dlab.server.command="... --port {port} --data-dir {datadir}"} it is
 * any program, started as a process (see {@link labs.common.testing.ExternalServer}).
 *
 * <p>What a program must print to pass: its answer to {@code status} contains the word
 * "listening" or "paused"; its answer to an unknown command contains "help". Everything else is
 * checked through sockets, files and the exit code.
 */
interface OperatedServer extends AutoCloseable {
    Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    String host();

    int port();

    Path dataDir();

    boolean inProcess();

    /** Everything the program has printed so far. */
    String output();

    /** The program's standard input, as a stream this test writes to. */
    OutputStream stdin();

    /** Types one line into the program's standard input. */
    default void type(String line) throws IOException {
        stdin().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin().flush();
    }

    /** Closes the program's standard input. */
    default void endInput() throws IOException {
        stdin().close();
    }

    /** What Ctrl+C does: a shutdown hook runs and the process ends. */
    void pressCtrlC() throws IOException;

    /** Waits for the program to end; its exit code. */
    int awaitExit(Duration limit) throws Exception;

    @Override
    void close() throws Exception;

    /** Types {@code line} and waits until what the program prints after it contains {@code expected} (any case). */
    default String command(String line, String expected) throws IOException {
        int mark = output().length();
        type(line);
        String wanted = expected.toLowerCase(Locale.ROOT);
        return awaitAnswer().until(() -> output().substring(mark),
                printed -> printed.toLowerCase(Locale.ROOT).contains(wanted));
    }

    /**
     * Types {@code line}, then {@code status} as a marker, and returns what was printed up to the
     * status answer: commands run in order, so that is all of {@code line}'s answer.
     */
    default String answerTo(String line) throws IOException {
        int mark = output().length();
        type(line);
        type("status");
        String printed = awaitAnswer().until(() -> output().substring(mark),
                text -> text.toLowerCase(Locale.ROOT).matches("(?s).*\\b(listening|paused)\\b.*"));
        return printed;
    }

    /** Looks often: commands answer in microseconds, and tests type many of them. */
    static org.awaitility.core.ConditionFactory awaitAnswer() {
        return await().atMost(ANSWER_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    /** The lab's own server, or the program named by {@code -Dlab.server.command}. */
    static OperatedServer start(Path dataDir) throws Exception {
        String command = System.getProperty(ServerUnderTest.COMMAND_PROPERTY, "").trim();
        return command.isEmpty() ? InProcessOperated.start(dataDir) : ExternalOperated.start(command, dataDir);
    }
}
