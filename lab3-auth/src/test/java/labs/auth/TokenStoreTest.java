package labs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Session tokens: random, single use, expiring on a fake clock, forged ones refused, only hashes kept. */
class TokenStoreTest {
    private final FakeClock clock = new FakeClock();
    private final TokenStore tokens = new TokenStore(clock, Duration.ofHours(1));
    private final IdentificationFile.User bob = new IdentificationFile.User("bob", new PasswordHasher(1000).hash("password1".toCharArray()));

    @Test
    void aValidTokenLogsItsOwnerInOnce() {
        TokenStore.Token token = tokens.issue(bob);

        assertThat(token.expires()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(tokens.redeem(token.text())).contains(bob);
        assertThat(tokens.redeem(token.text())).as("used up").isEmpty();
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String text = tokens.issue(bob).text();
            assertThat(text).matches("[A-Za-z0-9_-]{43}"); // 256 bits in URL-safe Base64 without padding
            seen.add(text);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void anExpiredTokenIsRefusedAndDroppedWhenPresented() {
        TokenStore.Token token = tokens.issue(bob);
        TokenStore.Token other = tokens.issue(bob);
        clock.advance(Duration.ofHours(1));

        assertThat(tokens.redeem(token.text())).isEmpty();
        assertThat(tokens.size()).as("the presented one is gone").isEqualTo(1);
        assertThat(tokens.redeem(other.text())).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void expiredTokensNeverPresentedAreSweptWithoutScanningEveryTokenAtEveryLogin() {
        int logins = 20_000;
        for (int i = 0; i < logins; i++) {
            tokens.issue(bob);
            if (i == logins / 2) {
                clock.advance(Duration.ofHours(1)); // the first half expire unseen
            }
        }

        assertThat(tokens.size()).as("the expired half was swept").isLessThan(logins / 2 + 2048);
        assertThat(tokens.scanned()).as("tokens tested by sweeps: about two per login, not one per token per login")
                .isLessThanOrEqualTo(4L * logins);
    }

    @Test
    void aTokenJustBeforeExpiryStillWorks() {
        TokenStore.Token token = tokens.issue(bob);
        clock.advance(Duration.ofMinutes(59));

        assertThat(tokens.redeem(token.text())).contains(bob);
    }

    @Test
    void forgedAndAlteredTokensAreRefused() {
        String text = tokens.issue(bob).text();
        String altered = (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);

        assertThat(tokens.redeem(altered)).isEmpty();
        assertThat(tokens.redeem("")).isEmpty();
        assertThat(tokens.redeem("bob")).isEmpty();
        assertThat(tokens.redeem(text)).contains(bob);
    }

    @Test
    void clearForgetsEveryToken() {
        String text = tokens.issue(bob).text();

        tokens.clear();

        assertThat(tokens.size()).isZero();
        assertThat(tokens.redeem(text)).isEmpty();
    }

    @Test
    void onlyHashesAreKeptNeverTheTokenItself() throws Exception {
        String text = tokens.issue(bob).text();
        var field = TokenStore.class.getDeclaredField("byHash");
        field.setAccessible(true);

        assertThat(((java.util.Map<?, ?>) field.get(tokens)).keySet()).singleElement().asString()
                .isNotEqualTo(text).hasSize(44); // Base64 of a 32-byte SHA-256 digest
    }
}
