package labs.common.testing;

import java.io.IOException;
import java.time.Duration;

import labs.common.EventLog;
import labs.common.ServerConfig;
import labs.common.TcpServer;

/** A lab's server started in the test's JVM on a free port, with its log captured for assertions. */
public final class InProcessServer implements ServerUnderTest {
    private final TcpServer server;
    private final CapturedLog log;

    private InProcessServer(TcpServer server, CapturedLog log) {
        this.server = server;
        this.log = log;
    }

    public static InProcessServer start(ServerConfig config, ServerUnderTest.Factory factory) throws IOException {
        CapturedLog log = new CapturedLog();
        TcpServer server = factory.create(config, log.eventLog());
        server.start(); // returns once the socket listens: no waiting or guessing needed
        return new InProcessServer(server, log);
    }

    public TcpServer server() {
        return server;
    }

    public CapturedLog log() {
        return log;
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.localPort();
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public void close() throws IOException {
        server.stop();
        try {
            if (!server.awaitTermination(Duration.ofSeconds(10))) {
                throw new IOException("server threads still running 10 s after stop()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping", e);
        }
    }
}
