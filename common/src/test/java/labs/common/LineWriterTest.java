package labs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineWriterTest {

    /** Writes one byte at a time, so an unsynchronized writer would interleave lines almost surely. */
    private static final class ByteByByte extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            synchronized (bytes) {
                bytes.write(b);
            }
            Thread.yield();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void writesUtf8LinesEndedByNewline() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LineWriter(out).writeLine("привет");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("привет\n");
    }

    @Test
    void linesFromSeveralThreadsArriveWhole() throws Exception {
        ByteByByte out = new ByteByByte();
        LineWriter writer = new LineWriter(out);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String text = String.valueOf((char) ('a' + t)).repeat(40);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        writer.writeLine(text);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(out.text().split("\n")).hasSize(200).allMatch(line -> line.matches("([a-d])\\1{39}"));
    }
}
