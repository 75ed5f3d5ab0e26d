package labs.grader;

import labs.common.testing.ServerUnderTest;
import labs.conformance.ConcurrentLineEchoContract;
import labs.threaded.ThreadPerClientServer.Threads;
import labs.threaded.ThreadedEchoServer;

/**
 * {@link ConcurrentLineEchoContract} as the grader runs it, task 3 at the assignment level: several clients at once. The grader always sets
 * {@code -Dlab.server.command}; the lab's own server is only the contract's fallback.
 */
public class ConcurrentLevel extends ConcurrentLineEchoContract {
    @Override
    protected ServerUnderTest.Factory ownServer() {
        return (config, log) -> new ThreadedEchoServer(config, log, Threads.PLATFORM);
    }
}
