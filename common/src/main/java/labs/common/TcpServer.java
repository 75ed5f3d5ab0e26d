package labs.common;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The life of a TCP server, shared by every lab: bind, accept clients, stop. What a lab adds is
 * one decision, {@link #dispatch}: which thread serves an accepted client. Lab 1 serves it in the
 * accepting thread itself (so nobody accepts meanwhile); lab 2 starts a new thread for it.
 * The conversation with a client is the {@link ConnectionHandler}'s, not the server's.
 *
 * <pre>
 *   start() ── binds, starts the "acceptor" thread, returns once listening
 *   acceptor:  loop { accept() → admit → dispatch(connection) }
 *   stop()  ── closes the listening socket (the only way to unblock accept()) and every client
 *              socket (the only way to unblock a read), so every thread of the server ends
 * </pre>
 * {@link #stopListening()} and {@link #startListening()} close and reopen only the listening
 * socket: connected clients go on (lab 5's pause and resume).
 *
 * <p>Thread safety argument. Threads: the caller of start/stop (main, a shutdown hook, lab 5's
 * console), the acceptor threads, one thread per client (lab 2 on).
 * <ul>
 *   <li>{@code state}, {@code listener}, {@code boundPort}, {@code summaryLogged}: guarded by {@code lock}; every
 *       lifecycle transition is one critical section, so two stops or a stop racing a resume
 *       cannot both act. {@code state} is also volatile so {@link #admit} can read it cheaply.</li>
 *   <li>{@code connections}, {@code workers}, {@code acceptors}: thread-safe sets. Only an
 *       acceptor adds connections, so the max-clients check-then-add is confined to it; others only
 *       remove. stop() sets the state before closing every connection, and admit() adds before it
 *       reads the state, so a client accepted at the moment of stop is closed by one or the other.</li>
 *   <li>Counters are atomics; {@code config}, {@code log}, {@code handler} are immutable or thread-safe.</li>
 * </ul>
 */
public abstract class TcpServer {
    private enum State { NEW, LISTENING, PAUSED, STOPPED }

    private static final int BACKLOG = 200;

    protected final ServerConfig config;
    protected final EventLog log;
    private final String kind;
    private final ConnectionHandler handler;

    private final Object lock = new Object();
    private volatile State state = State.NEW; // guarded by lock (writes)
    private Listener listener;                // guarded by lock
    private int boundPort = -1;               // guarded by lock
    private boolean summaryLogged;            // guarded by lock

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> acceptors = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextClientId = new AtomicInteger();
    private final AtomicLong clientsServed = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long startedAtNanos;

    /**
     * @param kind    what to call this server in the log ("single-threaded echo server")
     * @param handler the per-client protocol
     */
    protected TcpServer(String kind, ServerConfig config, EventLog log, ConnectionHandler handler) {
        this.kind = kind;
        this.config = config;
        this.log = log;
        this.handler = handler;
    }

    /**
     * Hands an accepted, admitted client to a thread. Runs in the acceptor thread; the client is
     * served by {@code clientTask(connection).run()} in whichever thread this chooses.
     */
    protected abstract void dispatch(Connection connection);

    /** Binds and starts accepting; returns once the socket listens. A taken port is a {@link BindException}. */
    public final void start() throws IOException {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("a server starts once; this one is " + state);
            }
            log.info(kind + " starting");
            listen(config.port());
            state = State.LISTENING;
            startedAtNanos = System.nanoTime();
        }
    }

    /** The port the server is bound to, which is how a caller learns the port when it asked for 0. */
    public final int localPort() {
        synchronized (lock) {
            if (boundPort < 0) {
                throw new IllegalStateException("not started");
            }
            return boundPort;
        }
    }

    public final String host() {
        return config.host();
    }

    public final boolean isListening() {
        return state == State.LISTENING;
    }

    public final boolean isStopped() {
        return state == State.STOPPED;
    }

    public final int connectedClients() {
        return connections.size();
    }

    /** Clients whose conversation has ended since the server started. */
    public final long clientsServed() {
        return clientsServed.get();
    }

    public final Duration uptime() {
        return startedAtNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    /** A snapshot of the clients connected now. */
    public final List<Connection> connections() {
        return List.copyOf(connections);
    }

    /**
     * Closes the listening socket only: new clients are refused by the system, connected ones go on.
     * Returns false when the server was not listening.
     */
    public final boolean stopListening() {
        Listener closing;
        synchronized (lock) {
            if (state != State.LISTENING) {
                return false;
            }
            state = State.PAUSED;
            closing = listener;
            listener = null;
        }
        closing.close();
        return true;
    }

    /**
     * Listens again on the same port. Returns false when the server was not paused; throws
     * {@link BindException} (and stays paused) when another program took the port meanwhile.
     */
    public final boolean startListening() throws IOException {
        synchronized (lock) {
            if (state != State.PAUSED) {
                return false;
            }
            listen(boundPort);
            state = State.LISTENING;
            return true;
        }
    }

    /**
     * Stops the server: closes the listening socket and every client connection. Returns at once;
     * {@link #awaitTermination} waits for the threads to end. Safe to call any number of times.
     */
    public final void stop() {
        Listener closing;
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            closing = listener;
            listener = null;
        }
        log.info(kind + " stopping: closing the listening socket and " + connections.size() + " connection(s)");
        if (closing != null) {
            closing.close();
        }
        for (Connection connection : connections) {
            connection.close();
        }
        stopped.countDown();
    }

    /** Waits for {@link #stop()} and then for every thread of the server to end. */
    public final boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        while (true) {
            List<Thread> running = new ArrayList<>(acceptors);
            running.addAll(workers);
            running.removeIf(thread -> !thread.isAlive() || thread == Thread.currentThread());
            if (running.isEmpty()) {
                break;
            }
            for (Thread thread : running) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                thread.join(left);
            }
        }
        logSummaryOnce();
        return true;
    }

    /**
     * Main and the Ctrl+C hook may both wait for the stop; whichever comes second must not return
     * (and let the JVM halt) before the first has written the line, hence a lock, not a flag alone.
     */
    private void logSummaryOnce() {
        synchronized (lock) {
            if (!summaryLogged) {
                summaryLogged = true;
                log.info(kind + " stopped: " + clientsServed.get() + " client(s) served");
            }
        }
    }

    /** The work for one client, ready to run in any thread: serve it, then close and count it. */
    protected final Runnable clientTask(Connection connection) {
        return () -> {
            try {
                serve(connection);
            } finally {
                workers.remove(Thread.currentThread());
            }
        };
    }

    /** Starts a thread that runs a {@link #clientTask}; the server waits for it when it stops. */
    protected final void startWorker(Connection connection, Thread worker) {
        workers.add(worker);
        try {
            worker.start();
        } catch (OutOfMemoryError noMoreThreads) {
            workers.remove(worker);
            refuse(connection, "the server cannot start another thread");
            connections.remove(connection);
        }
    }

    private void serve(Connection connection) {
        String reason = "client closed the connection";
        try {
            handler.handle(connection);
        } catch (IOException e) {
            reason = isStopped() ? "server stopping" : describe(e);
        } catch (RuntimeException e) {
            reason = "error in handler: " + e;
        } finally {
            connection.close();
            connections.remove(connection);
            clientsServed.incrementAndGet();
            log.info(connection.label() + " disconnected: " + reason + " (" + connections.size() + " connected)");
        }
    }

    private void listen(int port) throws IOException { // lock held
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.host(), port), BACKLOG);
        } catch (IOException e) {
            closeQuietly(socket);
            if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                throw new BindException("port " + port + " on " + config.host() + " is already in use");
            }
            throw new BindException("cannot listen on " + config.host() + ":" + port + ": " + e.getMessage());
        }
        listener = new Listener(socket);
        boundPort = socket.getLocalPort();
        Thread acceptor = new Thread(listener, "acceptor");
        acceptors.add(acceptor);
        acceptor.start();
        log.info("listening on " + config.host() + ":" + boundPort);
    }

    /**
     * One listening socket and the accept loop on it. Closing a socket that a thread is blocked
     * in accept() on only signals that thread; the system closes the port once the thread
     * returns. {@link #close()} waits for that, so when it returns, new clients are refused.
     *
     * <p>Thread safety: {@code inAccept} is guarded by this Listener's monitor; {@code socket} is
     * final and thread-safe to close.
     */
    private final class Listener implements Runnable {
        private final ServerSocket socket;
        private boolean inAccept; // guarded by this

        Listener(ServerSocket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Socket client;
                    try {
                        client = acceptOne();
                    } catch (IOException e) {
                        if (socket.isClosed()) {
                            break; // stop() or stopListening() closed it: that is how accept() is unblocked
                        }
                        log.info("accept failed: " + e.getMessage());
                        continue;
                    }
                    admit(client);
                }
                log.info("stopped listening on port " + socket.getLocalPort());
            } finally {
                acceptors.remove(Thread.currentThread());
            }
        }

        private Socket acceptOne() throws IOException {
            synchronized (this) {
                inAccept = true;
            }
            try {
                return socket.accept();
            } finally {
                synchronized (this) {
                    inAccept = false;
                    notifyAll();
                }
            }
        }

        /** Closes the socket and waits until no thread is inside accept() on it. */
        void close() {
            closeQuietly(socket);
            synchronized (this) {
                boolean interrupted = false;
                while (inAccept) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void admit(Socket socket) {
        Connection connection = new Connection(socket, nextClientId.incrementAndGet());
        if (connections.size() >= config.maxClients()) {
            refuse(connection, "server full (" + config.maxClients() + " clients); try again later");
            return;
        }
        connections.add(connection);
        if (isStopped()) {
            connection.close(); // stop() may have missed it; serve() below will see it closed at once
        }
        log.info(connection.label() + " connected (" + connections.size() + " connected)");
        dispatch(connection);
    }

    private void refuse(Connection connection, String why) {
        log.info(connection.label() + " refused: " + why);
        try {
            new LineWriter(connection.output()).writeLine("! " + why);
        } catch (IOException ignored) {
            // It is being turned away anyway.
        }
        connection.close();
    }

    private static String describe(IOException e) {
        if (e instanceof SocketException && "Connection reset".equals(e.getMessage())) {
            return "connection reset by the client";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to do: the socket is gone either way.
            }
        }
    }
}
