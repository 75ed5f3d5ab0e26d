package labs.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import labs.common.testing.ExternalServer;

/**
 * Any program as a lab 5 server: started by {@link ExternalServer} from the command in
 * {@code -Dlab.server.command}, where {@code {datadir}} becomes the test's data folder; driven
 * through the process's standard input; its output read back from the file ExternalServer
 * writes it to. Ctrl+C is SIGTERM here, which a JVM handles the same way (shutdown hooks).
 */
final class ExternalOperated implements OperatedServer {
    private static final Path OUTPUT = Path.of("target", "external-server.log");

    private final ExternalServer server;
    private final Path dataDir;
    private final long outputStart;
    private final OutputStream stdin;

    private ExternalOperated(ExternalServer server, Path dataDir, long outputStart) {
        this.server = server;
        this.dataDir = dataDir;
        this.outputStart = outputStart;
        this.stdin = server.process().getOutputStream();
    }

    static ExternalOperated start(String template, Path dataDir) throws IOException {
        long start = Files.exists(OUTPUT) ? Files.size(OUTPUT) : 0;
        ExternalServer server = ExternalServer.start(template.replace("{datadir}", dataDir.toString()));
        return new ExternalOperated(server, dataDir, start);
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public String output() {
        try (RandomAccessFile file = new RandomAccessFile(OUTPUT.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - outputStart)];
            file.seek(outputStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public void pressCtrlC() {
        server.process().destroy();
    }

    @Override
    public int awaitExit(Duration limit) throws Exception {
        if (!server.process().waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the program did not exit within " + limit);
        }
        return server.process().exitValue();
    }

    @Override
    public void close() {
        server.close();
    }
}
