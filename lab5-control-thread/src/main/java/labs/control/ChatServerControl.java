package labs.control;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import labs.chat.ChatServer;
import labs.common.Connection;
import labs.common.EventLog;

/**
 * The operator's commands carried out on lab 4's chat server, which is used as it is: pause and
 * resume close and reopen its listening socket, clear-ids is lab 3's
 * {@link labs.auth.AuthServer#clearIdentities}, and shutdown says goodbye before it closes.
 *
 * <p>Shutdown, step by step: stop listening (nobody new arrives); announce to the users online;
 * shut the input side of every connection, so that each client thread reads end-of-stream and
 * ends its conversation the ordinary way (the user leaves the room, the user's writer sends what
 * is queued, the announcement included, and the server closes the socket); give that
 * {@code drainGrace}; then {@link labs.common.TcpServer#stop} closes whatever is left, and we wait
 * up to {@code stopGrace} for every thread to end; last, the log file is flushed and closed.
 * Closing the sockets at once would be simpler, but a user's writer could then lose the goodbye.
 *
 * <p>Thread safety argument. Threads: the console (main) calls everything; the shutdown hook
 * (Ctrl+C) calls {@link #shutdown} at any moment, also while the console is in a command.
 * <ul>
 *   <li>{@code shutDown}: guarded by {@code lifecycle}, held for the whole shutdown, so a second
 *       shutdown (the hook after {@code exit}, or both at once) waits for the first to finish
 *       and then does nothing. {@code cleanly} is volatile: written once under the lock, read
 *       by {@link #terminatedCleanly()} without it.</li>
 *   <li>pause and resume take {@code lifecycle} too. The server's own lock makes each of its
 *       transitions atomic, but shutdown is several steps: without this lock a resume typed
 *       while the hook is between "stop listening" and "stop" would open the port again and
 *       let clients in only to be cut off without a goodbye. With it, that resume waits and
 *       then finds the server stopped.</li>
 *   <li>status and clear-ids need no lock of ours: they read the server's thread-safe counters,
 *       and the identification file serializes its own writers.</li>
 *   <li>{@code server}, {@code log}, the graces and {@code finished} are final and thread-safe.</li>
 * </ul>
 */
public final class ChatServerControl implements ServerControl {
    /** What every user online reads before the connection closes. */
    public static final String GOODBYE = "the server is shutting down; goodbye";

    private final ChatServer server;
    private final EventLog log;
    private final Duration drainGrace;
    private final Duration stopGrace;
    private final Object lifecycle = new Object();
    private boolean shutDown;              // guarded by lifecycle
    private volatile boolean cleanly;
    private final CountDownLatch finished = new CountDownLatch(1);

    public ChatServerControl(ChatServer server, EventLog log, Duration drainGrace, Duration stopGrace) {
        this.server = server;
        this.log = log;
        this.drainGrace = drainGrace;
        this.stopGrace = stopGrace;
    }

    @Override
    public Status status() {
        return new Status(server.isListening(), server.isStopped(), server.host(), server.localPort(),
                server.room().onlineCount(), server.connectedClients(), server.uptime(), server.clientsServed());
    }

    @Override
    public boolean pause() {
        synchronized (lifecycle) {
            return server.stopListening();
        }
    }

    @Override
    public boolean resume() throws IOException {
        synchronized (lifecycle) {
            return server.startListening();
        }
    }

    /** The count is read just before the clear; a registration in between would not be in it. */
    @Override
    public int clearIdentities() throws IOException {
        int users = server.identification().userCount();
        server.clearIdentities();
        return users;
    }

    @Override
    public boolean shutdown() {
        synchronized (lifecycle) {
            if (shutDown) {
                return false;
            }
            shutDown = true;
            log.info("shutting down: no new connections, goodbye to " + server.room().onlineCount() + " user(s) online");
            try {
                server.stopListening();
                server.announce(GOODBYE);
                endConversations();
                server.stop();
                cleanly = server.awaitTermination(stopGrace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.stop();
            } finally {
                closeLog();
                finished.countDown();
            }
            return true;
        }
    }

    @Override
    public boolean terminatedCleanly() {
        return cleanly;
    }

    /** Waits until a {@link #shutdown} (the console's or the hook's) has finished. */
    public void awaitShutdown() throws InterruptedException {
        finished.await();
    }

    /**
     * Lets every client thread end its conversation: the input side is shut, so its next read
     * sees end-of-stream. The server wakes us when the last one has gone, or after
     * {@code drainGrace} at most; each leaves with "server stopping" as its reason.
     */
    private void endConversations() throws InterruptedException {
        server.beginStopping();
        List<Connection> connections = server.connections();
        log.info("shutdown: shutting the input of " + connections.size()
                + " connection(s), so that each client thread ends its conversation and says goodbye");
        for (Connection connection : connections) {
            try {
                connection.socket().shutdownInput();
            } catch (IOException alreadyClosed) {
                // That client has gone by itself.
            }
        }
        server.awaitNoConnections(drainGrace);
    }

    private void closeLog() {
        try {
            log.close();
        } catch (IOException e) {
            System.err.println("cannot close the log file " + log.file() + ": " + e.getMessage());
        }
    }
}
