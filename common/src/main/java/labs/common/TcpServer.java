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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ServerSocketFactory;

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
 * console), the acceptor threads (after a pause and a resume, the old one may still be admitting
 * its last client while the new one runs), one thread per client (lab 2 on).
 * <ul>
 *   <li>{@code state}, {@code listener}, {@code boundPort}, {@code summaryLogged},
 *       {@code serverSockets}: guarded by {@code lock}; every lifecycle transition is one
 *       critical section, so two stops or a stop racing a resume cannot both act. {@code state}
 *       is also volatile so that {@link #isStopped} can read it without the lock.</li>
 *   <li>{@code connections}: a plain set guarded by its own monitor. The max-clients check and
 *       the add are one critical section, so any number of acceptors cannot admit one client
 *       too many; each add or remove writes its "(N connected)" line in the same critical section,
 *       so the counts in the log never run backwards. stop() sets the state, then takes the
 *       set's monitor to close every connection; admit() reads the state under that monitor, so
 *       a client admitted at the moment of stop is either in stop's snapshot or sees the state
 *       and is closed at once. The two locks are never held together.</li>
 *   <li>{@code workers}, {@code acceptors}: thread-safe sets (each add and remove is atomic; the
 *       copies awaitTermination iterates are only a view, so it loops until none is alive).</li>
 *   <li>{@code stopping} is volatile: set once, read by the client threads for their disconnect reason.</li>
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
    private ServerSocketFactory serverSockets = ServerSocketFactory.getDefault(); // guarded by lock
    private volatile boolean stopping;

    private final Set<Connection> connections = new LinkedHashSet<>(); // guarded by connections
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
        synchronized (connections) {
            return connections.size();
        }
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
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }

    /**
     * Waits until no client is connected, up to {@code timeout}; true if none is. The last
     * client to leave wakes the waiters, so a caller (lab 5's shutdown) need not poll.
     */
    public final boolean awaitNoConnections(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connections) {
            while (!connections.isEmpty()) { // a guarded wait in a loop: a wakeup is a hint, not a promise
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(connections, left);
            }
            return true;
        }
    }

    /**
     * From now on a client that leaves is logged as leaving because the server is stopping. Lab 5
     * calls it before it lets the conversations end by themselves; {@link #stop()} calls it too.
     */
    public final void beginStopping() {
        stopping = true;
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
            stopping = true;
            closing = listener;
            listener = null;
        }
        List<Connection> open = connections();
        log.info(kind + " stopping: closing the listening socket and " + open.size() + " connection(s)");
        if (closing != null) {
            closing.close();
        }
        for (Connection connection : open) {
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
        if (!finishAfterThreads(deadline)) {
            return false;
        }
        logSummaryOnce();
        return true;
    }

    /**
     * What a server must finish once its threads have ended and before it counts as stopped (lab
     * 4: writing the last messages to the history file); called by every {@link #awaitTermination},
     * so it must be safe to call more than once. Waits at most until {@code deadlineNanos}
     * ({@link System#nanoTime()}); false if the work is not done by then.
     */
    protected boolean finishAfterThreads(long deadlineNanos) throws InterruptedException {
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
        worker.setUncaughtExceptionHandler(this::logUncaught);
        workers.add(worker);
        try {
            worker.start();
        } catch (OutOfMemoryError noMoreThreads) {
            workers.remove(worker);
            refuse(connection, "the server cannot start another thread");
            forget(connection, connection.label() + " not served: the server cannot start another thread");
        }
    }

    private void serve(Connection connection) {
        String reason = "client closed the connection";
        try {
            handler.handle(connection);
        } catch (IOException e) {
            reason = describe(e);
        } catch (Throwable e) { // an Error too (OutOfMemoryError): logged here, or exec:java's thread group would hide it
            reason = "error in handler: " + e;
        } finally {
            finish(connection, stopping ? "server stopping" : reason);
        }
    }

    /**
     * The end of every client, each step on its own: on JDK 17 after running out of descriptors,
     * close() itself threw NoClassDefFoundError, and when that skipped the rest, the server kept
     * counting a client that was gone (and once full, refused everybody).
     */
    private void finish(Connection connection, String reason) {
        String closeFailure = "";
        try {
            connection.close();
        } catch (Throwable e) {
            closeFailure = "; closing it failed: " + e;
        }
        clientsServed.incrementAndGet();
        forget(connection, connection.label() + " disconnected: " + reason + closeFailure);
    }

    /** Removes a connection and logs {@code line} with the count, in one step, so counts never run backwards. */
    private void forget(Connection connection, String line) {
        synchronized (connections) {
            connections.remove(connection);
            if (connections.isEmpty()) {
                connections.notifyAll(); // awaitNoConnections
            }
            log.info(line + " (" + connections.size() + " connected)");
        }
    }

    private void logUncaught(Thread thread, Throwable e) {
        log.info("uncaught in thread " + thread.getName() + ": " + e); // never silent, even in exec:java's thread group
    }

    /** Lets a test give the server a listening socket that fails as a real one does. Call before start. */
    final void useServerSockets(ServerSocketFactory factory) {
        synchronized (lock) {
            serverSockets = factory;
        }
    }

    private void listen(int port) throws IOException { // lock held
        ServerSocket socket = serverSockets.createServerSocket();
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
        acceptor.setUncaughtExceptionHandler(this::logUncaught);
        acceptors.add(acceptor);
        acceptor.start();
        log.info("listening on " + config.host() + ":" + boundPort);
    }

    /**
     * One listening socket and the accept loop on it. Closing a socket that a thread is blocked
     * in accept() on only signals that thread; the system closes the port once the thread
     * returns. {@link #close()} waits for that, so when it returns, new clients are refused.
     *
     * <p>Thread safety: {@code inAccept} and {@code closed} are guarded by this Listener's
     * monitor; {@code socket} is final and thread-safe to close.
     */
    private final class Listener implements Runnable {
        private final ServerSocket socket;
        private boolean inAccept; // guarded by this
        private boolean closed;   // guarded by this

        Listener(ServerSocket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try {
                acceptUntilClosed();
            } catch (Throwable e) {
                log.info("acceptor failed: " + e);
            } finally {
                acceptors.remove(Thread.currentThread());
                if (!socket.isClosed()) {
                    // Never an open port with nobody accepting: clients would wait in the backlog for ever.
                    log.info("the acceptor ended unexpectedly; stopping the server");
                    stop();
                }
            }
        }

        private void acceptUntilClosed() {
            AcceptFailures failures = new AcceptFailures(log);
            while (true) {
                Socket client;
                try {
                    client = acceptOne();
                } catch (Throwable e) { // IOException, and Errors such as NoClassDefFoundError: wait and retry
                    if (socket.isClosed() || !pause(failures.failed(e))) {
                        break; // stop() or stopListening() closed it: that is how accept() is unblocked
                    }
                    continue;
                }
                failures.succeeded();
                try {
                    admit(client);
                } catch (Throwable e) { // that client is lost; the others and the port are not
                    closeQuietly(client::close);
                    log.info("error while admitting a client: " + e);
                }
            }
            failures.closed();
            log.info("stopped listening on port " + socket.getLocalPort());
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

        /** Waits {@code pause} after a failed accept, or less if the socket is closed; false then. */
        private synchronized boolean pause(Duration pause) {
            long deadline = System.nanoTime() + pause.toNanos();
            boolean interrupted = false;
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return !closed;
        }

        /** Closes the socket and waits until no thread is inside accept() on it. */
        void close() {
            closeQuietly(socket);
            synchronized (this) {
                closed = true;
                notifyAll(); // ends a pause after a failed accept
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
        try {
            // A client that vanishes without a FIN (a cable pulled, a laptop closed) is found out by
            // the system's probes, after two hours idle by default (RFC 1122, 4.2.3.6), rather than never.
            socket.setKeepAlive(true);
            // Lines go out when written. With Nagle's algorithm (RFC 896) a small write waits while
            // an earlier one is unacknowledged, and a peer that only reads delays its ACK (Linux:
            // 40 ms at least, TCP_DELACK_MIN in include/net/tcp.h): the chat's p99 at 10 messages a
            // second was 31 ms with it and 12 ms without (docs/benchmarks.md). The chat's writer
            // already packs what is queued into one write, which is all Nagle would have done.
            socket.setTcpNoDelay(true);
        } catch (SocketException alreadyGone) {
            // Its first read will say so.
        }
        boolean admitted;
        synchronized (connections) { // check and add in one step: two acceptors cannot both take the last place
            admitted = connections.size() < config.maxClients();
            if (admitted) {
                connections.add(connection);
                if (isStopped()) {
                    connection.close(); // stop() may have missed it; serve() below will see it closed at once
                }
                log.info(connection.label() + " connected (" + connections.size() + " connected)");
            }
        }
        if (!admitted) {
            refuse(connection, "server full (" + config.maxClients() + " clients); try again later");
            return;
        }
        try {
            dispatch(connection);
        } catch (Throwable e) { // a lab's dispatch failed: the client must not stay counted for ever
            finish(connection, "error while handing it to a thread: " + e);
        }
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
            closeQuietly(socket::close);
        }
    }

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do: the socket is gone either way.
        }
    }
}
