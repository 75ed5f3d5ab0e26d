package labs.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A thread-per-client line echo for {@link HostileDescriptorTest}'s child JVM, which runs under a
 * small descriptor limit: {@code DescriptorStarvedServer LOG_FILE}. It prints its port and serves
 * until it is killed; max-clients is far above the limit, so the limit is what stops accept().
 */
public final class DescriptorStarvedServer {
    private DescriptorStarvedServer() {
    }

    public static void main(String[] args) throws Exception {
        EventLog log = new EventLog(null, Path.of(args[0]), true, Clock.systemDefaultZone());
        TcpServer server = new TcpServerTest.LineEchoServer(new ServerConfig("127.0.0.1", 0, 100_000), log, TcpServerTest.LINE_ECHO);
        server.start();
        System.out.println("port " + server.localPort());
        System.out.flush();
        server.awaitTermination(Duration.ofMinutes(5)); // the test kills it long before
    }
}
