package labs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(String text, int max) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    /** A stream that hands out one byte per read, as if every byte came in its own TCP segment. */
    private static InputStream trickle(byte[] bytes) {
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };
    }

    @Test
    void splitsLinesAndAcceptsBothLineEndings() throws IOException {
        LineReader lines = reader("one\ntwo\r\n\nthree\n", 100);
        assertThat(lines.readLine()).isEqualTo("one");
        assertThat(lines.readLine()).isEqualTo("two");
        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo("three");
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void joinsALineThatArrivesInPieces() throws IOException {
        LineReader lines = new LineReader(trickle("привет, мир\nnext\n".getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(lines.readLine()).isEqualTo("привет, мир");
        assertThat(lines.readLine()).isEqualTo("next");
    }

    @Test
    void anOverLongLineIsAnErrorAndTheNextLineStillReads() throws IOException {
        LineReader lines = reader("x".repeat(50_000) + "\nafter\n", 16);
        assertThatThrownBy(lines::readLine).isInstanceOf(LineTooLongException.class)
                .hasMessage("line longer than 16 bytes");
        assertThat(lines.readLine()).isEqualTo("after");
    }

    @Test
    void theLimitCountsBytesWithoutTheLineEnding() throws IOException {
        LineReader lines = reader("1234\r\n12345\n1234\n", 4);
        assertThat(lines.readLine()).isEqualTo("1234");
        assertThatThrownBy(lines::readLine).isInstanceOf(LineTooLongException.class);
        assertThat(lines.readLine()).isEqualTo("1234");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        byte[] bytes = {'a', (byte) 0xff, (byte) 0xc3, 'b', '\n'};
        LineReader lines = new LineReader(new ByteArrayInputStream(bytes), 100);
        assertThat(lines.readLine()).isEqualTo("a\uFFFD\uFFFDb");
    }

    @Test
    void aStreamThatEndsMidLineSaysHowMuchWasLost() throws IOException {
        LineReader lines = reader("whole\nhalf", 100);
        assertThat(lines.readLine()).isEqualTo("whole");
        assertThatThrownBy(lines::readLine).isInstanceOf(EOFException.class)
                .hasMessageContaining("middle of a line (4 bytes lost)");
    }

    @Test
    void aStreamThatEndsInsideAnOverLongLineIsAlsoAnEof() {
        LineReader lines = reader("x".repeat(100), 10);
        assertThatThrownBy(lines::readLine).isInstanceOf(EOFException.class).hasMessageContaining("over 10 bytes");
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new LineReader(InputStream.nullInputStream(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new LineTooLongException(7).limit()).isEqualTo(7);
    }
}
