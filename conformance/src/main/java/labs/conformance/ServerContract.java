package labs.conformance;

import java.io.IOException;

import labs.common.testing.ServerUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract here does around each test: start the server under test (the lab's own,
 * or the program named by {@code -Dlab.server.command}) before it, and stop it after.
 *
 * <p>Thread safety: the JUnit thread that runs a test alone starts, uses and stops its server.
 */
public abstract class ServerContract {
    protected ServerUnderTest server;

    /** The lab's own server, used when no external command is given. */
    protected abstract ServerUnderTest.Factory ownServer();

    @BeforeEach
    void startServer() throws IOException {
        server = ServerUnderTest.startDefault(ownServer());
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }
}
