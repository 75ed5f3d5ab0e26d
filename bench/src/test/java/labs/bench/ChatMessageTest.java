package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chat load's message text: it survives the trip intact, and damage does not pass for a message. */
class ChatMessageTest {

    @Test
    void aMessageReadsBackAsItWasWritten() {
        ChatMessage m = new ChatMessage(7, 12_345, 987_654_321_000L);

        assertThat(ChatMessage.parse(m.text())).isEqualTo(m);
        assertThat(ChatMessage.parse(m.text() + "\r")).isEqualTo(m);
    }

    @Test
    void anAlteredCutOrMergedLineIsNotAMessage() {
        String text = new ChatMessage(3, 41, 1_000_000L).text();

        assertThat(ChatMessage.parse(text.replace(" 41 ", " 42 "))).isNull();
        assertThat(ChatMessage.parse(text.substring(0, text.length() - 2))).isNull();
        assertThat(ChatMessage.parse(text + text)).isNull();
        assertThat(ChatMessage.parse("m x y z w")).isNull();
        assertThat(ChatMessage.parse("hello")).isNull();
    }
}
