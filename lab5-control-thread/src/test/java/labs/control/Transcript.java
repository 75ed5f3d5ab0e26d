package labs.control;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a program printed, readable by a test while the program goes on printing. */
final class Transcript extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
