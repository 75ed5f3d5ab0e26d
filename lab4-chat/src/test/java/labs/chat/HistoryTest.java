package labs.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import labs.common.testing.CapturedLog;

class HistoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T13:40:01Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    private final CapturedLog log = new CapturedLog();

    private History open(int kept) throws IOException {
        return History.open(dataDir, kept, CLOCK, log.eventLog());
    }

    /** Waits until the history's writer thread has saved everything added, then reads the file. */
    private List<String> fileLines(History history) throws Exception {
        assertThat(history.awaitSaved(Duration.ofSeconds(10))).isTrue();
        return fileLines();
    }

    private List<String> fileLines() throws IOException {
        return Files.readAllLines(dataDir.resolve(History.FILE_NAME), StandardCharsets.UTF_8);
    }

    @Test
    void entriesSurviveARoundTripThroughTheFileFormat() {
        HistoryEntry tricky = new HistoryEntry(CLOCK.instant(), "алиса", "tab\there \\n is not a newline\nbut this is\r");
        assertThat(tricky.toFileLine()).doesNotContain("\n").doesNotContain("\r");
        assertThat(tricky.toFileLine().split("\t")).hasSize(3);
        assertThat(HistoryEntry.parse(tricky.toFileLine())).isEqualTo(tricky);
    }

    @Test
    void badLinesAreRejectedWithAReason() {
        assertThatThrownBy(() -> HistoryEntry.parse("no tabs")).hasMessageContaining("3 tab-separated fields");
        assertThatThrownBy(() -> HistoryEntry.parse("yesterday\ta\tb")).hasMessageContaining("bad time");
        assertThatThrownBy(() -> HistoryEntry.parse("2026-11-27T13:40:01Z\ta\tb\\")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> HistoryEntry.parse("2026-11-27T13:40:01Z\ta\tb\\x")).hasMessageContaining("unknown escape");
    }

    @Test
    void anEntryIsShownWithTheTimeInTheServersZone() {
        HistoryEntry entry = new HistoryEntry(CLOCK.instant(), "alice", "hi");
        assertThat(entry.display(ZoneOffset.ofHours(3))).isEqualTo("* 16:40 <alice> hi");
    }

    @Test
    void keepsTheLastMessagesInMemoryAndAllInTheFile() throws Exception {
        History history = open(3);
        for (int i = 1; i <= 5; i++) {
            history.add("alice", "message " + i);
        }
        assertThat(history.recent(10)).extracting(HistoryEntry::text).containsExactly("message 3", "message 4", "message 5");
        assertThat(history.recent(2)).extracting(HistoryEntry::text).containsExactly("message 4", "message 5");
        assertThat(fileLines(history)).hasSize(5);
    }

    @Test
    void aRestartedServerRemembers() throws Exception {
        History before = open(10);
        before.add("alice", "before the restart");
        assertThat(before.awaitSaved(Duration.ofSeconds(10))).isTrue();
        History again = open(10);
        assertThat(again.recent(10)).containsExactly(new HistoryEntry(CLOCK.instant(), "alice", "before the restart"));
        assertThat(log.contains("1 message(s) loaded")).isTrue();
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAndCutOff() throws Exception {
        History history = open(10);
        history.add("alice", "whole");
        assertThat(history.awaitSaved(Duration.ofSeconds(10))).isTrue();
        Path file = dataDir.resolve(History.FILE_NAME);
        Files.write(file, "2026-11-27T13:41:00Z\tbob\tcut in the mid".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        History reopened = open(10);
        assertThat(reopened.recent(10)).extracting(HistoryEntry::text).containsExactly("whole");
        assertThat(log.contains("the last line is incomplete")).isTrue();
        reopened.add("carol", "after the crash");
        assertThat(fileLines(reopened)).hasSize(2).last().asString().endsWith("after the crash");
    }

    @Test
    void anUnreadableLineIsSkippedWithAWarningNamingIt() throws IOException {
        Files.write(dataDir.resolve(History.FILE_NAME), List.of(
                "2026-11-27T13:40:00Z\talice\tone", "garbage", "", "2026-11-27T13:40:02Z\tbob\ttwo"));
        assertThat(open(10).recent(10)).extracting(HistoryEntry::text).containsExactly("one", "two");
        assertThat(log.contains("line 2 is unreadable")).isTrue();
    }

    @Test
    void theFileIsCompactedSoItNeverGrowsWithoutBound() throws Exception {
        History history = open(2);
        for (int i = 1; i <= 9; i++) {
            history.add("alice", "m" + i);
        }
        assertThat(fileLines(history).size()).isLessThanOrEqualTo(4);
        assertThat(fileLines()).last().asString().endsWith("m9");
        assertThat(open(2).recent(2)).extracting(HistoryEntry::text).containsExactly("m8", "m9");
    }

    @Test
    void aFileThatCannotBeWrittenLeavesTheHistoryInMemory() throws Exception {
        History history = open(5);
        Path file = dataDir.resolve(History.FILE_NAME);
        Files.createDirectories(file); // a folder where the file should be: every append fails
        history.add("alice", "still here");
        assertThat(history.awaitSaved(Duration.ofSeconds(10))).isTrue();
        history.add("alice", "and here");
        assertThat(history.awaitSaved(Duration.ofSeconds(10))).isTrue();
        assertThat(history.recent(5)).hasSize(2);
        assertThat(history.size()).isEqualTo(2);
        assertThat(log.lines().stream().filter(line -> line.contains("cannot be written"))).hasSize(1);
        assertThat(history.file()).isEqualTo(file);
    }
}
