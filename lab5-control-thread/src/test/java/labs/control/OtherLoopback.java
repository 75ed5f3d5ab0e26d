package labs.control;

import java.io.IOException;

import labs.common.testing.TestClient;

/**
 * Connects to a port that should be closed. From another loopback address than the server's:
 * on Linux a connection to a port nobody listens on is, once in many thousand tries, connected
 * to itself, when the system happens to pick that same port as the client's own (TCP
 * "self-connect"); the client then holds the server's port, and the test hangs. Different
 * source and destination addresses rule that out.
 */
final class OtherLoopback {
    static final String ADDRESS = "127.0.0.2";

    private OtherLoopback() {
    }

    static TestClient connect(String host, int port) throws IOException {
        return TestClient.connectFrom(ADDRESS, host, port);
    }
}
