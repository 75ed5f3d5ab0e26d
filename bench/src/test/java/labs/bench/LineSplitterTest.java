package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Lines out of socket chunks: split, joined, \r\n, and longer than the buffer. */
class LineSplitterTest {

    private static void receive(LineSplitter lines, String chunk) {
        lines.buffer().put(chunk.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void manyLinesInOneChunkComeOutOneByOne() {
        LineSplitter lines = new LineSplitter(64);
        receive(lines, "one\ntwo\r\nthree\n");

        assertThat(lines.next()).isEqualTo("one");
        assertThat(lines.next()).isEqualTo("two");
        assertThat(lines.next()).isEqualTo("three");
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLineInPiecesWaitsForItsEnd() {
        LineSplitter lines = new LineSplitter(64);
        receive(lines, "hel");
        assertThat(lines.next()).isNull();

        receive(lines, "lo, мир\nnext");

        assertThat(lines.next()).isEqualTo("hello, мир");
        assertThat(lines.next()).isNull();
        receive(lines, "\n");
        assertThat(lines.next()).isEqualTo("next");
    }

    @Test
    void aLineLongerThanTheBufferComesOutInPieces() {
        LineSplitter lines = new LineSplitter(8);
        receive(lines, "12345678");

        assertThat(lines.next()).isEqualTo("12345678");
        receive(lines, "9\n");
        assertThat(lines.next()).isEqualTo("9");
    }
}
