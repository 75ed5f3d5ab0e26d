package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chat contenders: how each is started, which may be skipped and why, and which loads the plans give them. */
class ChatContenderTest {

    @Test
    void lab4RunsWithPlatformOrVirtualThreads() {
        assertThat(Contender.byKey("lab4-platform").extraArgs()).containsExactly("--threads", "platform");
        assertThat(Contender.byKey("lab4-virtual").extraArgs()).containsExactly("--threads", "virtual");
        assertThat(Contender.LAB4_VIRTUAL.mainClass()).isEqualTo(Contender.LAB4_PLATFORM.mainClass()).isEqualTo("labs.chat.ChatServer");
        assertThat(Contender.LAB4_VIRTUAL.usesVirtualThreads()).isTrue();
        assertThat(Contender.LAB4_PLATFORM.usesVirtualThreads()).isFalse();
    }

    @Test
    void onlyLab4AsksItsUsersToLogInWithCheapHashingAndNoFloodOrRegistrationLimit() {
        assertThat(Contender.LAB4_PLATFORM.isLab4()).isTrue();
        assertThat(Contender.LAB4_VIRTUAL.isLab4()).isTrue();
        assertThat(Contender.NCAT_CHAT.isLab4()).isFalse();
        assertThat(Runner.chatArgs(Contender.LAB4_VIRTUAL, Path.of("data")))
                .containsExactly("--data-dir", "data", "--iterations", "1000", "--flood-rate", "0", "--register-burst", "0");
        assertThat(Runner.chatArgs(Contender.NCAT_CHAT, Path.of("data"))).isEmpty();
    }

    @Test
    void virtualThreadsAreSkippedWhereTheJdkHasNone() {
        String why = Contender.LAB4_VIRTUAL.whyUnavailable();
        if (Runtime.version().feature() < 21) {
            assertThat(why).contains("virtual threads need JDK 21+");
        } else {
            assertThat(why).isNull();
        }
        assertThat(Contender.LAB4_PLATFORM.whyUnavailable()).isNull();
    }

    @Test
    void ncatIsOptional() {
        String why = Contender.NCAT_CHAT.whyUnavailable();
        if (Contender.findOnPath("ncat") == null) {
            assertThat(why).contains("ncat is not installed");
        } else {
            assertThat(why).isNull();
        }
    }

    @Test
    void ncatChatIsOneProcessSoItsCpuAndSwitchesAreMeasured() {
        assertThat(Contender.NCAT_CHAT.isOneProcess()).isTrue();
        assertThat(Contender.NCAT.isOneProcess()).isFalse(); // --exec: a process per client
    }

    @Test
    void bothPlansRunTheThreeChatContendersAndTheQuickOneStaysSmall() {
        assertThat(Plan.quick(Path.of("out")).chatServers()).containsExactly(Contender.LAB4_PLATFORM, Contender.LAB4_VIRTUAL, Contender.NCAT_CHAT);
        assertThat(Plan.only("chat", "lab4-virtual,ncat-chat").chatServers()).containsExactly(Contender.LAB4_VIRTUAL, Contender.NCAT_CHAT);
        assertThat(Plan.quick(Path.of("out")).chat()).allSatisfy(s -> assertThat(s.deliveries()).isLessThanOrEqualTo(100_000));
        List<ChatLoad.Settings> paced = Plan.standard(null, false).chat().stream().filter(s -> s.rate() > 0 && s.users() == 100).toList();
        assertThat(paced).hasSizeGreaterThanOrEqualTo(3); // enough rates in one room for the chart
    }

    @Test
    void perDeliveryCostsComeFromTheServersCpuTimeAndSwitches() {
        ChatResult r = new ChatResult("x", 100, 10, 300, 100, 297_000, 297_000, 0, 0, 3, ReportTest.latency(1, 5), 0.9, 0.5,
                1_485_000_000L, 148_500, 0);

        assertThat(r.serverMicrosPerDelivery()).isEqualTo(5.0);
        assertThat(r.switchesPerDelivery()).isEqualTo(0.5);
        assertThat(r.offeredMessagesPerSecond()).isEqualTo(1000);
        ChatResult unmeasured = new ChatResult("x", 100, 10, 300, 100, 297_000, 297_000, 0, 0, 3, ReportTest.latency(1, 5),
                Double.NaN, 0.5, -1, -1, 0);
        assertThat(unmeasured.serverMicrosPerDelivery()).isNaN();
        assertThat(unmeasured.switchesPerDelivery()).isNaN();
    }
}
