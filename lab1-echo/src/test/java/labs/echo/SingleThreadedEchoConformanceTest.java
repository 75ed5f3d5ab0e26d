package labs.echo;

import labs.common.testing.ServerUnderTest;

/** Lab 1's server against the echo contract. */
class SingleThreadedEchoConformanceTest extends EchoContract {
    @Override
    protected ServerUnderTest.Factory ownServer() {
        return SingleThreadedEchoServer::new;
    }
}
