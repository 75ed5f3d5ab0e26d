package labs.grader;

import labs.common.testing.ServerUnderTest;
import labs.conformance.EchoContract;
import labs.threaded.ThreadPerClientServer.Threads;
import labs.threaded.ThreadedEchoServer;

/**
 * {@link EchoContract} as the grader runs it, the exact level (RFC 862): every byte, no newline needed, a silent server. The grader always sets
 * {@code -Dlab.server.command}; the lab's own server is only the contract's fallback.
 */
public class ExactLevel extends EchoContract {
    @Override
    protected ServerUnderTest.Factory ownServer() {
        return (config, log) -> new ThreadedEchoServer(config, log, Threads.PLATFORM);
    }
}
