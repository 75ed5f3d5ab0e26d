package labs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.EventLog;

/**
 * Race: the operator clears the log while client threads are writing to it. The log takes one
 * lock for a whole line and for the clear, so the outcomes are:
 * <pre>
 *   a line written before the clear      gone                       acceptable
 *   a line written after the clear       in the file, whole         acceptable
 *   a line cut in half, a lost line after the clear, an exception   forbidden
 * </pre>
 */
class ClearLogsRaceTest {
    /** A whole log line: time, [thread], message. */
    private static final Pattern WHOLE_LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^\\]]+\\] \\S.*");

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @Test
    void aClearThatArrivesWhileAWriterIsMidLineWaitsForTheLine() throws Exception {
        LogGate gate = new LogGate();
        gate.arm("writer-A");
        EventLog log = new EventLog(null,
                dir.resolve("server.log"), false, Clock.systemDefaultZone(), gate);
        log.info("an old line");

        // Writer A takes the log's lock and stops half way through its line (printed to the
        // console, not yet to the file), as a client thread preempted mid-line would.
        Thread writerA = start("writer-A", () -> log.info("writer-A line"));
        gate.awaitReached();
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        Thread operator = start("operator", () -> runConsole(log, "clear-logs\n", answers));
        Thread writerB = start("writer-B", () -> log.info("writer-B line"));
        await().until(() -> operator.getState() == Thread.State.BLOCKED && writerB.getState() == Thread.State.BLOCKED);

        gate.open();
        for (Thread thread : List.of(writerA, operator, writerB)) {
            thread.join();
        }
        log.info("a line after the clear");
        log.close();

        List<String> lines = Files.readAllLines(log.file());
        assertThat(failures).isEmpty();
        assertThat(answers.toString(StandardCharsets.UTF_8)).contains("emptied").doesNotContain("error");
        assertThat(lines).allMatch(line -> WHOLE_LINE.matcher(line).matches(), "is a whole line")
                .noneMatch(line -> line.contains("an old line") || line.contains("writer-A line"))
                .anyMatch(line -> line.endsWith("log file cleared by the operator"))
                .last().asString().endsWith("a line after the clear");
        // Writer B got the lock before the clear (its line is gone) or after it (whole, kept).
        assertThat(lines.stream().filter(line -> line.contains("writer-B")).toList())
                .satisfiesAnyOf(b -> assertThat(b).isEmpty(), b -> assertThat(b).singleElement().asString().endsWith("writer-B line"));
    }

    @Test
    void manyClearsAmongManyWritersLoseNoLineWrittenAfterTheLastClear() throws Exception {
        EventLog log = new EventLog(null, dir.resolve("server.log"), false, Clock.systemDefaultZone());
        int writers = 4;
        AtomicBoolean operatorDone = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String name = "writer-" + w;
            threads.add(start(name, () -> {
                int afterOperator = 0;
                for (int seq = 0; afterOperator < 200; seq++) {
                    log.info(name + " line " + seq);
                    if (operatorDone.get()) {
                        afterOperator++;
                    }
                }
            }));
        }
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        runConsole(log, "clear-logs\nlogs 5\n".repeat(30), answers);
        operatorDone.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        log.close();

        assertThat(failures).isEmpty();
        assertThat(answers.toString(StandardCharsets.UTF_8)).doesNotContain("error");
        Pattern numbered = Pattern.compile("\\[(writer-\\d)\\] writer-\\d line (\\d+)$");
        Pattern droppedNotice = Pattern.compile("(\\d+) log line\\(s\\) dropped");
        Map<String, List<Integer>> seen = new TreeMap<>();
        long dropped = 0;
        for (String line : Files.readAllLines(log.file())) {
            assertThat(line).matches(WHOLE_LINE);
            Matcher m = numbered.matcher(line);
            if (m.find()) {
                seen.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
            }
            Matcher notice = droppedNotice.matcher(line);
            if (notice.find()) {
                dropped += Long.parseLong(notice.group(1));
            }
        }
        // After the last clear every writer's lines are there in order; a line is missing only
        // where the file writer's bounded queue was full, and the log says how many it dropped
        // (four threads logging as fast as they can outrun a disk: that is what the bound is for).
        assertThat(seen).hasSize(writers);
        long gaps = 0;
        for (Map.Entry<String, List<Integer>> writer : seen.entrySet()) {
            List<Integer> seqs = writer.getValue();
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as(writer.getKey() + " line after " + seqs.get(i - 1)).isGreaterThan(seqs.get(i - 1));
                gaps += seqs.get(i) - seqs.get(i - 1) - 1;
            }
        }
        assertThat(gaps).as("lines missing after the last clear, against the drops the log reported").isLessThanOrEqualTo(dropped);
    }

    private void runConsole(EventLog log, String script, ByteArrayOutputStream answers) {
        try {
            new OperatorConsole(new FakeControl(), log, new PrintStream(answers, true, StandardCharsets.UTF_8))
                    .run(new BufferedReader(new StringReader(script)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        thread.start();
        return thread;
    }
}
