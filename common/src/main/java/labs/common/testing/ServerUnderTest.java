package labs.common.testing;

import java.io.IOException;

import labs.common.EventLog;
import labs.common.ServerConfig;
import labs.common.TcpServer;

/**
 * The server a protocol test talks to, only through its socket: the lab's own, started in this
 * JVM on a free port (the default), or any program in any language named by the system
 * property {@code lab.server.command} (see {@link ExternalServer}). Conformance suites take one
 * of these and never look inside.
 */
public interface ServerUnderTest extends AutoCloseable {
    String COMMAND_PROPERTY = "lab.server.command";

    String host();

    int port();

    /** True when this is the lab's own server in this JVM (so a test may also inspect its state). */
    boolean inProcess();

    @Override
    void close() throws IOException;

    /** Builds the lab's own server from a config and a log. */
    @FunctionalInterface
    interface Factory {
        TcpServer create(ServerConfig config, EventLog log) throws IOException;
    }

    /** The external program if {@code -Dlab.server.command} is set, else the lab's own server. */
    static ServerUnderTest startDefault(Factory ownServer) throws IOException {
        String command = System.getProperty(COMMAND_PROPERTY, "").trim();
        if (!command.isEmpty()) {
            return ExternalServer.start(command);
        }
        return InProcessServer.start(ServerConfig.anyFreePort(), ownServer);
    }
}
