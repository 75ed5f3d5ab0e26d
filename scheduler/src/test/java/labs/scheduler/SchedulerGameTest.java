package labs.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each level through the console, as a student would script it, and its fixed twin. */
class SchedulerGameTest {
    private static String play(String... lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String script = Arrays.stream(lines).map(line -> line + "\n").collect(Collectors.joining());
        new SchedulerGame(new BufferedReader(new StringReader(script)), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String[] script(String level, String steps) {
        List<String> lines = new java.util.ArrayList<>(List.of(level));
        lines.addAll(List.of(steps.split(" ")));
        lines.add("quit");
        return lines.toArray(String[]::new);
    }

    @ParameterizedTest(name = "level {0} is won with {1}")
    @CsvSource({
        "1, 1 2 1 2 1 2, count = 1 after two increments: an update is lost",
        "2, 1 2 1 1 2 2, 'both were told \"registered\", but users = {alice=secret-2}'",
        "3, 1 1 1 1 1 1 2 1 1, 'delivered = [alice, bob]: someone online the whole time got nothing'",
        "3, 1 1 1 1 2 1 1, ConcurrentModificationException in it.next()",
        "4, 1 2 1 2, the attacker's passwords were checked 4 times in all",
        "5, 1 2, 'deadlock: thread 1 waits for b, held by thread 2; thread 2 waits for a, held by thread 1'",
    })
    void eachLevelIsWonByItsWinningSchedule(String level, String steps, String outcome) throws IOException {
        String output = play(script(level, steps));
        assertThat(output).contains("*** bad outcome: " + outcome).contains("You win.").contains("try level " + level + "f")
                .endsWith("bye\n");
    }

    @ParameterizedTest(name = "level {0}f resists {1}")
    @CsvSource({
        "1f, 1 2 1 2 1 2 1 2 2 2 2, count = 2",
        "2f, 1 2 1 2, 'users = {alice=secret-1}'",
        "3f, 1 1 1 2 1 1 1 1 1, 'delivered = [alice, bob, carol]'",
        "4f, 1 2 1 2 1 2 1 1, 'failures = 3, guesses = 1'",
        "5f, 1 2 1 2 1 2 2 2, 'a = free, b = free'",
    })
    void eachFixedTwinFinishesWithoutTheBadOutcomeAndSaysWhy(String level, String steps, String finalState) throws IOException {
        String output = play(script(level, steps));
        assertThat(output).doesNotContain("*** bad outcome").contains("both threads finished: ")
                .contains(finalState).contains("The bad outcome is unreachable here: ").contains("none reaches it. Why: ")
                .contains(Levels.find(level).why());
    }

    @Test
    void aBlockedThreadCannotMoveAndTheGameSaysWhatItWaitsFor() throws IOException {
        assertThat(play("1f", "1", "2", "quit")).contains("thread 2 cannot move: it waits for lock, held by thread 1");
        assertThat(play("1", "1", "1", "1", "1", "quit")).contains("thread 1 cannot move: it has finished");
    }

    @Test
    void aScheduleWithoutARaceSaysSo() throws IOException {
        assertThat(play(script("1", "1 1 1 2 2 2"))).contains("both threads finished: count = 2", "No race this time");
    }

    @Test
    void itEndsCleanlyAtEndOfInputAnywhereAndExplainsWhatItDoesNotUnderstand() throws IOException {
        assertThat(play()).contains("You are the scheduler").endsWith("bye\n");
        assertThat(play("1", "1")).endsWith("bye\n");
        assertThat(play("9", "1", "x", "menu", "quit")).contains("no level '9'")
                .contains("type 1 or 2 to let that thread take its next step, or menu").endsWith("bye\n");
    }

    @Test
    void theLevelListShowsEveryLevelAndItsTwin() throws IOException {
        String output = play("quit");
        for (Level level : Levels.ALL) {
            assertThat(output).contains("  " + String.format("%-3s ", level.id()) + level.title());
        }
        assertThat(Levels.ALL).hasSize(10).filteredOn(Level::fixed).hasSize(5);
    }
}
