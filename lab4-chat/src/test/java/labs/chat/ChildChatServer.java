package labs.chat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import labs.common.testing.ProcessServer;

/**
 * Lab 4's server in a JVM of its own, for attacks that may kill a JVM (out of memory): started
 * with the test's class path and the given JVM options, on port 0; its output (the log) goes to
 * a file the test reads. {@link #close()} destroys the process by its pid, forcibly if it does
 * not stop within 5 s.
 *
 * <p>Thread safety: confined to the test thread that starts and closes it.
 */
final class ChildChatServer extends ProcessServer {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path output;

    private ChildChatServer(Process process, Path output, int port) {
        super(process, port, GRACE);
        this.output = output;
    }

    static ChildChatServer start(Path dir, List<String> jvmOptions, String... serverArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChatServer.class.getName(),
                "--port", "0", "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(serverArgs));
        Path output = dir.resolve("server-output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            int[] port = new int[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Matcher matcher = LISTENING.matcher(read(output));
                if (matcher.find()) {
                    port[0] = Integer.parseInt(matcher.group(1));
                    return true;
                }
                if (!process.isAlive()) {
                    throw new IOException("the server exited with code " + process.exitValue() + ": " + read(output));
                }
                return false;
            });
            return new ChildChatServer(process, output, port[0]);
        } catch (RuntimeException e) {
            stop(process, GRACE);
            throw e;
        }
    }

    /** Everything the server has printed so far. */
    String output() throws IOException {
        return read(output);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }
}
