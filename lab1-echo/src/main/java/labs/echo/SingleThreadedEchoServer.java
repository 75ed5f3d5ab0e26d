package labs.echo;

import labs.common.Connection;
import labs.common.EventLog;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.ServerLauncher;
import labs.common.TcpServer;

/**
 * An echo server with one thread: the thread that accepts a client also serves it, to the end.
 * While it serves one client, nobody calls {@code accept()}: a second client's connection is
 * completed by the operating system and waits in the listen backlog, and whatever it sends
 * waits in its socket buffer, unanswered, until the first client leaves. That wait is the lesson.
 *
 * <p>Thread safety: one server thread ("acceptor") does all the work; the state it shares with
 * the thread that stops it is {@link TcpServer}'s, whose argument is there.
 */
public final class SingleThreadedEchoServer extends TcpServer {

    public SingleThreadedEchoServer(ServerConfig config, EventLog log) {
        super("single-threaded echo server", config, log, new EchoHandler(log));
    }

    @Override
    protected void dispatch(Connection connection) {
        clientTask(connection).run(); // in this very thread: accept() is not called again until it returns
    }

    public static void main(String[] args) {
        ServerLauncher.main(args, Options.forServer("lab1-echo server"),
                (options, log) -> new SingleThreadedEchoServer(ServerConfig.from(options), log));
    }
}
