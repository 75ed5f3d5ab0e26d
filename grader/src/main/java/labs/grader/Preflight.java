package labs.grader;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Two quick looks at the program before the suites run, each one bounded start of it. Does it
 * listen at all? If not, every item scores 0 and the message says why, instead of every test
 * waiting out its own start-up limit. And for the exact level: does it echo a byte that ends no
 * line? A line echo server does not, and then each RFC 862 test would only wait out its 10 s read
 * timeout; its items fail at once with that reason instead.
 */
final class Preflight {
    static final Duration BYTE_WAIT = Duration.ofSeconds(2);

    private Preflight() {
    }

    /** Why the program cannot be graded, or empty when it starts and listens. */
    static Optional<String> cannotStart(Submission submission, Path work) {
        try {
            start(submission, work, "preflight.log").close();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why the exact-level tests are not worth running, or empty when a lone byte comes back. */
    static Optional<String> notByteExact(Submission submission, Path work) {
        try (Program program = start(submission, work, "exact-preflight.log");
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Program.HOST, program.port()), 5_000);
            socket.setSoTimeout((int) BYTE_WAIT.toMillis());
            socket.getOutputStream().write('x');
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            long deadline = System.nanoTime() + BYTE_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                int b = in.read();
                if (b == 'x') {
                    return Optional.empty();
                }
                if (b < 0) {
                    break;
                }
                // Anything else is a greeting: RFC 862 forbids it, but EchoContract's own test says so.
            }
            return Optional.of(notExact());
        } catch (SocketTimeoutException e) {
            return Optional.of(notExact());
        } catch (IOException e) {
            return Optional.of("could not check a lone byte: " + e.getMessage());
        }
    }

    private static String notExact() {
        return "a byte without a newline did not come back within " + BYTE_WAIT.toSeconds()
                + " s: the server echoes whole lines, so the RFC 862 tests were not run";
    }

    private static Program start(Submission submission, Path work, String log) throws IOException {
        Program program = Program.start(submission.serverCommand(work), Program.freePort(), submission.directory(),
                work.resolve(log));
        try {
            return program.awaitListening(Submission.STARTUP);
        } catch (IOException e) {
            program.close();
            throw e;
        }
    }
}
