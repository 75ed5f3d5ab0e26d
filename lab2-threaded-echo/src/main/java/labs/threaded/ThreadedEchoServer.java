package labs.threaded;

import labs.common.EventLog;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.ServerLauncher;
import labs.echo.EchoHandler;

/** Lab 2's echo server: lab 1's {@link EchoHandler}, unchanged, served by a thread per client. */
public final class ThreadedEchoServer extends ThreadPerClientServer {

    public ThreadedEchoServer(ServerConfig config, EventLog log, Threads threads) {
        super("thread-per-client echo server", config, log, new EchoHandler(log), threads);
    }

    public static void main(String[] args) {
        Options options = withThreadsOption(Options.forServer("lab2-threaded-echo server"));
        ServerLauncher.main(args, options, (parsed, log) ->
                new ThreadedEchoServer(ServerConfig.from(parsed), log, threadsFrom(parsed)));
    }
}
