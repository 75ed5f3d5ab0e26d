package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import labs.common.Options;
import labs.common.UsageException;

/** The login options: documented defaults, every option read, bad values refused with the option named. */
class AuthSettingsTest {

    private static Options parse(String... args) throws UsageException {
        return AuthSettings.withOptions(new Options("test")).parse(args);
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws UsageException {
        AuthSettings settings = AuthSettings.from(parse(), "lab3-auth");

        assertThat(settings.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".tcp-labs", "lab3-auth"));
        assertThat(settings.identificationFile()).isEqualTo(settings.dataDir().resolve("identification.txt"));
        assertThat(settings.passwordIterations()).isEqualTo(600_000);
        assertThat(settings.loginTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.tokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.maxLineBytes()).isEqualTo(4096);
        assertThat(settings.minPasswordLength()).isEqualTo(8);
        assertThat(settings.lockoutAfter()).isEqualTo(5);
        assertThat(settings.lockoutDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.registerBurst()).isEqualTo(30);
        assertThat(settings.registerPerHour()).isEqualTo(30);
        assertThat(settings.maxUsers()).isEqualTo(10_000);
    }

    @Test
    void everyOptionIsRead() throws UsageException {
        AuthSettings settings = AuthSettings.from(parse("--data-dir", "/tmp/x", "--iterations", "1000", "--login-timeout", "5",
                "--token-ttl", "7", "--min-password", "12", "--lockout-after", "3", "--lockout", "30",
                "--register-burst", "4", "--register-per-hour", "6", "--max-users", "50"), "lab4-chat");

        assertThat(settings).isEqualTo(new AuthSettings(Path.of("/tmp/x"), 1000, Duration.ofSeconds(5), Duration.ofSeconds(7),
                4096, 12, 3, Duration.ofSeconds(30), 4, 6, 50, settings.clock()));
    }

    @Test
    void theHelpShowsTheDefaultFolderOfTheLabWhenItIsKnown() {
        assertThat(AuthSettings.withOptions(new Options("x")).usage()).contains("(default ~/.tcp-labs/<lab>)");
        assertThat(AuthSettings.withOptions(new Options("x"), "lab4-chat").usage()).contains("(default ~/.tcp-labs/lab4-chat)");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> AuthSettings.from(parse("--login-timeout", "0"), "lab3-auth"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--login-timeout must be between 1");
        assertThatThrownBy(() -> AuthSettings.from(parse("--iterations", "lots"), "lab3-auth"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--iterations must be a whole number");
    }

    @Test
    void testSettingsHashCheaplyAndCanBeAdjusted() {
        AuthSettings settings = AuthSettings.forTests(Path.of("d"));
        Clock fixed = new FakeClock();

        assertThat(settings.passwordIterations()).isEqualTo(1000);
        assertThat(settings.withClock(fixed).clock()).isSameAs(fixed);
        assertThat(settings.withIterations(5).passwordIterations()).isEqualTo(5);
        assertThat(settings.withLoginTimeout(Duration.ofSeconds(2)).loginTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.registerBurst()).as("no registration limit in tests").isZero();
        assertThat(settings.withRegistrationLimits(2, 3, 4)).extracting(AuthSettings::registerBurst, AuthSettings::registerPerHour,
                AuthSettings::maxUsers).containsExactly(2, 3, 4);
    }

    @Test
    void nonsenseIsRefusedByTheConstructor() {
        AuthSettings ok = AuthSettings.forTests(Path.of("d"));

        assertThatThrownBy(() -> ok.withIterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withLoginTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withRegistrationLimits(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withRegistrationLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withRegistrationLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthSettings(Path.of("d"), 1, Duration.ofSeconds(1), Duration.ofSeconds(-1), 4096, 8, 5,
                Duration.ofSeconds(1), 0, 1, 1, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthSettings(Path.of("d"), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 8, 5,
                Duration.ofSeconds(1), 0, 1, 1, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
