package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The command line: server names and number lists, and what each plan contains. */
class PlanTest {

    @Test
    void readsServersAndNumbers() {
        Plan plan = Plan.only("echo", "lab2-platform, netty", "1,10");

        assertThat(plan.echoServers()).containsExactly(Contender.LAB2_PLATFORM, Contender.NETTY);
        assertThat(plan.clients()).containsExactly(1, 10);
        assertThat(plan.holdServers()).isEmpty();
        assertThat(plan.chatServers()).isEmpty();
        assertThat(plan.reportDir()).isNull();
    }

    @Test
    void anUnknownServerIsNamedInTheError() {
        assertThatThrownBy(() -> Plan.parseServers("lab9")).hasMessageContaining("lab9");
    }

    @Test
    void theStandardPlanMeasuresWhatTheIssueAsks() {
        Plan plan = Plan.standard(Path.of("docs"), false);

        assertThat(plan.clients()).containsExactly(1, 10, 100, 1000);
        assertThat(plan.connections()).contains(5000, 10_000);
        assertThat(plan.echoServers()).contains(Contender.LAB1, Contender.LAB2_PLATFORM, Contender.LAB2_VIRTUAL, Contender.NETTY);
        assertThat(plan.chatServers()).containsExactly(Contender.LAB4_PLATFORM, Contender.LAB4_VIRTUAL, Contender.NCAT_CHAT);
        assertThat(plan.chat()).extracting(ChatLoad.Settings::users, ChatLoad.Settings::senders, ChatLoad.Settings::rate)
                .contains(tuple(100, 10, 100), tuple(100, 10, 0), tuple(1000, 10, 10)); // issue 11's loads
    }

    @Test
    void aChatOfOneLoadRunsTheStandardChatAtTheRatesGiven() {
        Plan plan = Plan.only("chat", "lab4-virtual,ncat-chat", "100,0");

        assertThat(plan.chatServers()).containsExactly(Contender.LAB4_VIRTUAL, Contender.NCAT_CHAT);
        assertThat(plan.chat()).extracting(ChatLoad.Settings::users, ChatLoad.Settings::rate)
                .containsExactly(tuple(100, 100), tuple(100, 0));
        assertThat(plan.echoServers()).isEmpty();
    }

    @Test
    void everyServerHasAKeyThatFindsIt() {
        for (Contender c : Contender.values()) {
            assertThat(Contender.byKey(c.key())).isEqualTo(c);
        }
        assertThat(List.of(Contender.values())).extracting(Contender::key).contains("lab2-virtual", "ncat-chat");
    }
}
