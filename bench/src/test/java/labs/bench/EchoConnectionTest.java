package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The echo requests: each one unique to its client and number, the size asked, one line. */
class EchoConnectionTest {

    @Test
    void aRequestNamesItsClientAndNumberAndEndsTheLine() {
        byte[] payload = new byte[24];

        EchoConnection.fill(payload, 12, 345);

        assertThat(new String(payload, StandardCharsets.US_ASCII)).isEqualTo("12 345 xxxxxxxxxxxxxxxx\n");
    }

    @Test
    void twoRequestsDiffer() {
        byte[] first = new byte[64];
        byte[] second = new byte[64];

        EchoConnection.fill(first, 1, 1);
        EchoConnection.fill(second, 1, 2);

        assertThat(first).isNotEqualTo(second);
    }
}
