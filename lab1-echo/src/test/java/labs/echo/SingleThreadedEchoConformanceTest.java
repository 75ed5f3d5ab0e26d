package labs.echo;

import labs.common.testing.ServerUnderTest;
import labs.conformance.EchoContract;

/** Lab 1's server against the echo contract. */
class SingleThreadedEchoConformanceTest extends EchoContract {
    @Override
    protected ServerUnderTest.Factory ownServer() {
        return SingleThreadedEchoServer::new;
    }
}
