package labs.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Any program, in any language, graded by the same tests as the lab's own server:
 * <pre>
 *   mvn -pl lab2-threaded-echo -am test -Dlab.server.command="python3 echo_server.py --port {port}"
 * </pre>
 * {@code {port}} is replaced by a free port and {@code {host}} by 127.0.0.1; the command is
 * split on spaces (quote nothing). The suite starts the program, waits until the port accepts
 * connections, and kills the program after the test. Its output goes to
 * {@code target/external-server.log}.
 *
 * <p>Finding a free port for another process means asking the system for one and releasing it;
 * another program could take it in between. The lab's own servers avoid that by binding port 0
 * and reporting the port; an external program is only told a number, so this is the best we can do.
 *
 * <p>Thread safety: confined to the test thread that starts and closes it (see {@link ProcessServer}).
 */
public final class ExternalServer extends ProcessServer {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private ExternalServer(Process process, int port) {
        super(process, port, Duration.ofSeconds(5));
    }

    public static ExternalServer start(String template) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        for (String word : template.trim().split("\\s+")) {
            command.add(word.replace("{port}", Integer.toString(port)).replace("{host}", "127.0.0.1"));
        }
        Path output = Path.of("target", "external-server.log");
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .directory(new File(System.getProperty("lab.server.dir", ".")))
                .start();
        ExternalServer server = new ExternalServer(process, port);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("external server exited with code " + process.exitValue()
                        + " before listening; see target/external-server.log");
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host(), port()), 200);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS); // wakes early if it dies
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
        close();
        throw new IOException("external server did not listen on port " + port() + " within " + STARTUP.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
