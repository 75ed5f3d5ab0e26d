package labs.threaded;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ThreadFactory;

import labs.common.Connection;
import labs.common.ConnectionHandler;
import labs.common.EventLog;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.TcpServer;
import labs.common.UsageException;

/**
 * A server that gives every accepted client a thread of its own, which does all the work for
 * that client; the acceptor thread goes straight back to {@code accept()}. Compare
 * {@code dispatch} with lab 1's: that one line is the whole difference between serving one
 * client at a time and serving many at once. Labs 3 to 5 use this same server with other handlers.
 *
 * <p>Threads are platform threads (one operating-system thread each) or, on JDK 21 and newer,
 * virtual threads (cheap threads the JVM schedules onto a few carrier threads). The handler's
 * code is the same for both: it still reads and writes with blocking calls.
 *
 * <p>Thread safety: the only state added to {@link TcpServer}'s is {@code threads}, a final
 * reference to a thread factory that is used by the acceptor thread alone (confinement).
 */
public class ThreadPerClientServer extends TcpServer {
    /** Which kind of thread serves a client. */
    public enum Threads { PLATFORM, VIRTUAL }

    /**
     * Stack reserved for each platform thread. The default (1 MiB on 64-bit Linux) is only
     * reserved address space, but a smaller one lets far more clients connect before the
     * process hits its limits; the handlers here never recurse deeply.
     */
    static final long PLATFORM_STACK_BYTES = 256 * 1024;

    private final ThreadFactory threads;

    public ThreadPerClientServer(String kind, ServerConfig config, EventLog log, ConnectionHandler handler, Threads threads) {
        super(kind + " (" + threads.name().toLowerCase() + " threads)", config, log, handler);
        this.threads = threadFactory(threads);
    }

    @Override
    protected void dispatch(Connection connection) {
        Thread worker = threads.newThread(clientTask(connection)); // only a Thread object: no new thread runs yet...
        worker.setName(connection.label());
        startWorker(connection, worker);                           // ...until start(): from here the task runs there
    }

    /** Adds {@code --threads platform|virtual} to a server's options. */
    public static Options withThreadsOption(Options options) {
        return options.option("--threads", "KIND", "platform",
                "platform or virtual (virtual needs JDK 21 or newer)");
    }

    /** The {@code --threads} choice; virtual on a JDK without them is a usage error. */
    public static Threads threadsFrom(Options options) throws UsageException {
        Threads chosen = Threads.valueOf(options.choice("--threads", "platform", "virtual").toUpperCase());
        if (chosen == Threads.VIRTUAL && !virtualThreadsAvailable()) {
            throw new UsageException("--threads virtual needs JDK 21 or newer; this is JDK " + Runtime.version().feature());
        }
        return chosen;
    }

    public static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /** Makes threads of the given kind; labs that start more threads per client (lab 4's writers) use it too. */
    public static ThreadFactory threadFactory(Threads kind) {
        return kind == Threads.VIRTUAL ? virtualThreadFactory() : platformThreadFactory();
    }

    private static ThreadFactory platformThreadFactory() {
        return task -> new Thread(null, task, "client", PLATFORM_STACK_BYTES);
    }

    /**
     * {@code Thread.ofVirtual().factory()}, called by reflection because this code is compiled
     * for Java 17, where that method does not exist yet.
     */
    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (NoSuchMethodException | ClassNotFoundException | IllegalAccessException | InvocationTargetException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or newer", e);
        }
    }
}
