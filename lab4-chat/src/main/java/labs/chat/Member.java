package labs.chat;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import labs.auth.UserNames;
import labs.common.EventLog;

/**
 * One online user as the room sees it: a name, and a bounded queue of messages waiting to be
 * written to that user's socket by the user's own writer thread.
 *
 * <p>Why a queue and a writer thread: {@link #send} is called by other users' threads (a
 * broadcast) and must never wait for this user's socket. A user who stops reading fills the
 * socket's buffers, and a write to it then blocks for ever; with a queue only this user's writer
 * blocks, and when the queue is over its limit the user is disconnected with the reason in the
 * log. The writer is also the only thread that writes to the socket, so two messages can never be
 * interleaved inside one line (see {@link UnsafeSharedWriter} for what happens otherwise).
 *
 * <p>The queue is bounded twice: in messages and in bytes (a message may be one short line or a
 * 64 KiB reply, so only bytes bound memory). A message's bytes count until the writer has written
 * them. The writer takes everything queued at once and writes it in chunks of at most
 * {@link #CHUNK_BYTES}, so a big batch is never copied whole.
 *
 * <p>The writer also judges silence ({@link IdleTimer}): when the room's {@link IdleWatch} finds
 * the user silent for as long as the user may stay idle, it nudges the writer with a marker in
 * the queue, and the writer writes the notice itself and, later, disconnects the user. The writer
 * itself waits for its queue with no time limit: a timed wait would arm and cancel a timer for
 * every message, which is most of what a wake-up costs a virtual thread.
 *
 * <p>Thread safety. Threads: any thread that sends (every user's reader thread, the operator's),
 * this user's reader thread (start, heard, finish), the session that takes the name over (evict),
 * and the writer thread.
 * <ul>
 *   <li>{@code outbound}: a thread-safe BlockingQueue; offer never blocks, so a sender never waits.</li>
 *   <li>{@code queuedBytes}: an AtomicLong; senders add, the writer subtracts what it wrote.</li>
 *   <li>{@code out}, {@code chunk}, {@code idle}: confined to the writer thread once started.</li>
 *   <li>{@code disconnected}: an AtomicBoolean, so the reason is logged once whoever gets there first.</li>
 *   <li>{@code idleCheckQueued}: an AtomicBoolean, so the watch queues one idle check at a time,
 *       not one per round while a stuck writer cannot take it.</li>
 *   <li>{@code lastHeardNanos}: volatile; written by the reader thread, read by the writer.</li>
 *   <li>{@code writer}: volatile; written once by start, read by finish and evict.</li>
 *   <li>The rest is final; {@code connection.close()} is safe from any thread.</li>
 * </ul>
 */
public final class Member {
    /** The most the writer hands to one write call. */
    static final int CHUNK_BYTES = 16 * 1024;

    private final String name;
    private final String label;
    private final OutputStream out;             // confined to the writer thread once started
    private final Closeable connection;
    private final int queueLimit;
    private final long byteLimit;
    private final EventLog log;
    private final BlockingQueue<Outgoing> outbound; // thread-safe; offer never blocks
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private final AtomicBoolean idleCheckQueued = new AtomicBoolean();
    private final IdleTimer idle;               // confined to the writer thread
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile Thread writer;
    private byte[] chunk;                       // confined to the writer thread; made on first need

    /**
     * @param name       the user's name
     * @param label      the connection's label, for the log ({@code client-3})
     * @param out        the socket's output stream; only the writer thread will touch it
     * @param connection closed to disconnect the user (this also unblocks its reader thread)
     * @param settings   the queue's limits and the idle limit
     */
    public Member(String name, String label, OutputStream out, Closeable connection, ChatSettings settings, EventLog log) {
        this.name = name;
        this.label = label;
        this.out = out;
        this.connection = connection;
        this.queueLimit = settings.outboundQueueLimit();
        this.byteLimit = settings.sendQueueBytes();
        this.log = log;
        this.outbound = new ArrayBlockingQueue<>(queueLimit);
        this.idle = new IdleTimer(settings.idleTimeout(), settings.idleWarning());
    }

    /** A member with the default byte limit and no idle limit; {@code queueLimit} messages may wait. */
    public Member(String name, String label, OutputStream out, Closeable connection, int queueLimit, EventLog log) {
        this(name, label, out, connection, ChatSettings.defaults().withOutboundQueueLimit(queueLimit)
                .withIdleTimeout(Duration.ZERO, Duration.ZERO), log);
    }

    public String name() {
        return name;
    }

    /** The name as the room compares it: lab 3's key, so "Алиса" and "АЛИСА" are one name. */
    public String key() {
        return key(name);
    }

    static String key(String name) {
        return UserNames.key(name);
    }

    /**
     * Queues a message (one or more lines) for this user and returns at once. When the queue is
     * over a limit the user is disconnected and false returned; so is a message to a disconnected user.
     */
    public boolean send(String message) {
        return send(Outgoing.line(message));
    }

    /** The same for a message already encoded, which a broadcast shares among its recipients. */
    boolean send(Outgoing message) {
        if (disconnected.get()) {
            return false;
        }
        long waiting = queuedBytes.addAndGet(message.size());
        if (waiting > byteLimit) {
            disconnect("outbound queue over " + ChatSettings.describeBytes(byteLimit)
                    + " (" + waiting + " bytes with this message): the client stopped reading");
            return false;
        }
        if (outbound.offer(message)) {
            return true;
        }
        disconnect("outbound queue full (" + queueLimit + " messages waiting): the client stopped reading");
        return false;
    }

    /** Messages waiting to be written. */
    public int queued() {
        return outbound.size();
    }

    /** Bytes waiting to be written, those the writer is writing now included. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    public boolean isDisconnected() {
        return disconnected.get();
    }

    /**
     * Queues an idle check for the writer when nothing was heard from the user for
     * {@code silenceNanos}; called by the room's {@link IdleWatch}.
     */
    void nudgeIfSilent(long now, long silenceNanos) {
        if (now - lastHeardNanos >= silenceNanos && !disconnected.get() && idleCheckQueued.compareAndSet(false, true)
                && !outbound.offer(Outgoing.IDLE_CHECK)) {
            idleCheckQueued.set(false); // the queue is full: the user is being dropped as a slow reader anyway
        }
    }

    /** The reader thread heard a line: the user is not idle. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Closes the user's connection and logs why; the first reason wins. */
    public void disconnect(String reason) {
        if (markDisconnected(reason)) {
            close();
        }
    }

    /** Starts the writer thread. */
    public void start(ThreadFactory threads) {
        Thread thread = threads.newThread(this::writeLoop);
        thread.setName(label + " writer");
        writer = thread;
        thread.start();
    }

    /**
     * Lets the writer send what is queued, then stops it; waits up to {@code grace}, after which
     * the connection is closed so that a writer blocked on a client that does not read ends too.
     */
    public void finish(Duration grace) throws InterruptedException {
        if (!outbound.offer(Outgoing.END)) {
            close(); // queue full: the user is being dropped anyway
        }
        Thread thread = writer;
        thread.join(grace.toMillis());
        if (thread.isAlive()) {
            close();
            thread.interrupt();
            thread.join(grace.toMillis());
        }
    }

    /**
     * Ends this session because its user logged in on another connection: the writer sends what
     * is queued and {@code notice}, then closes the connection. A peer that died never takes
     * those bytes, so after {@code grace} the connection is closed anyway. Called by the new
     * session's thread, outside the room's lock (it may wait).
     */
    void evict(String notice, String reason, Duration grace) throws InterruptedException {
        send(Outgoing.line(notice));
        markDisconnected(reason);
        if (!outbound.offer(Outgoing.HANG_UP)) {
            close();
        }
        writer.join(grace.toMillis());
        close();
    }

    private boolean markDisconnected(String reason) {
        if (!disconnected.compareAndSet(false, true)) {
            return false;
        }
        log.info(name + " (" + label + ") disconnected: " + reason);
        return true;
    }

    private void writeLoop() {
        List<Outgoing> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(outbound.take()); // no time limit: the IdleWatch nudges this thread when the user is silent
                outbound.drainTo(batch); // everything queued: one wake-up of this thread for all of it
                boolean goOn = write(batch);
                batch.clear();
                if (!goOn) {
                    return;
                }
            }
        } catch (IOException e) {
            disconnect("cannot write: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // finish() gave up waiting; the thread ends here
        }
    }

    /** The watch found the user silent: warns or drops the user; false once dropped. */
    private boolean stillWelcome() throws IOException {
        switch (idle.check(System.nanoTime(), lastHeardNanos)) {
            case WARN -> {
                out.write(Outgoing.line(idle.notice()).bytes());
                out.flush();
            }
            case DISCONNECT -> {
                disconnect(idle.reason());
                return false;
            }
            default -> { }
        }
        return true;
    }

    /**
     * Writes a batch, packing small messages into one chunk per write call (one system call for
     * many messages) and a message bigger than a chunk straight from its own bytes (no copy).
     * False when the batch ended with a marker that stops the writer.
     */
    private boolean write(List<Outgoing> batch) throws IOException {
        int filled = 0;
        long written = 0;
        try {
            for (int i = 0; i < batch.size(); i++) { // by index: no iterator per batch
                Outgoing message = batch.get(i);
                if (message.isMarker()) {
                    flush(filled);
                    if (message == Outgoing.HANG_UP) {
                        close();
                    }
                    return false;
                }
                if (message == Outgoing.IDLE_CHECK) {
                    flush(filled);
                    filled = 0;
                    idleCheckQueued.set(false);
                    if (!stillWelcome()) {
                        return false;
                    }
                    continue;
                }
                byte[] bytes = message.bytes();
                if (batch.size() == 1 || bytes.length > CHUNK_BYTES) {
                    flush(filled);
                    filled = 0;
                    out.write(bytes);
                } else {
                    if (filled + bytes.length > CHUNK_BYTES) {
                        flush(filled);
                        filled = 0;
                    }
                    if (chunk == null) {
                        chunk = new byte[CHUNK_BYTES]; // only users who get several messages at once need one
                    }
                    System.arraycopy(bytes, 0, chunk, filled, bytes.length);
                    filled += bytes.length;
                }
                written += bytes.length;
            }
            flush(filled);
            return true;
        } finally {
            queuedBytes.addAndGet(-written);
        }
    }

    private void flush(int filled) throws IOException {
        if (filled > 0) {
            out.write(chunk, 0, filled);
        }
        out.flush();
    }

    private void close() {
        try {
            connection.close();
        } catch (IOException ignored) {
            // Closing is how we end this user; there is nobody left to tell.
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
