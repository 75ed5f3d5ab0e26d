package labs.grader;

import labs.common.testing.ServerUnderTest;
import labs.conformance.LineEchoContract;
import labs.threaded.ThreadPerClientServer.Threads;
import labs.threaded.ThreadedEchoServer;

/**
 * {@link LineEchoContract} as the grader runs it, lab 1's task at the assignment level: a line comes back as a line. The grader always sets
 * {@code -Dlab.server.command}; the lab's own server is only the contract's fallback.
 */
public class LineEchoLevel extends LineEchoContract {
    @Override
    protected ServerUnderTest.Factory ownServer() {
        return (config, log) -> new ThreadedEchoServer(config, log, Threads.PLATFORM);
    }
}
