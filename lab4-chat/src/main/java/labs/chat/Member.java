package labs.chat;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import labs.auth.UserNames;
import labs.common.EventLog;

/**
 * One online user as the room sees it: a name, and a bounded queue of messages waiting to be
 * written to that user's socket by the user's own writer thread.
 *
 * <p>Why a queue and a writer thread: {@link #send} is called by other users' threads (a
 * broadcast) and must never wait for this user's socket. A user who stops reading fills the
 * socket's buffers, and a write to it then blocks for ever; with a queue only this user's writer
 * blocks, and when the queue is full the user is disconnected with the reason in the log. The
 * writer is also the only thread that writes to the socket, so two messages can never be
 * interleaved inside one line (see {@link UnsafeSharedWriter} for what happens otherwise).
 *
 * <p>A message is one or more lines ({@code "a\nb"}); the queue limit counts messages, so a
 * newcomer's welcome with twenty history lines is one message, not twenty.
 *
 * <p>Thread safety. Threads: any thread that sends (every user's reader thread, the operator's),
 * this user's reader thread (start, finish), and the writer thread.
 * <ul>
 *   <li>{@code outbound}: a thread-safe BlockingQueue; offer never blocks, so a sender never waits.</li>
 *   <li>{@code out}: confined to the writer thread once started (before that, to the reader thread).</li>
 *   <li>{@code disconnected}: an AtomicBoolean, so the reason is logged once whoever gets there first.</li>
 *   <li>{@code writer}: written by start and read by finish, both in the reader thread (confined).</li>
 *   <li>The rest is final; {@code connection.close()} is safe from any thread.</li>
 * </ul>
 */
public final class Member {
    private static final int MAX_BATCH = 256;
    /** Tells the writer to stop after the messages before it; compared by identity. */
    private static final String END = new String("end of conversation");

    private final String name;
    private final String label;
    private final OutputStream out;             // confined to the writer thread once started
    private final Closeable connection;
    private final int queueLimit;
    private final EventLog log;
    private final BlockingQueue<String> outbound; // thread-safe; offer never blocks
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private Thread writer;                      // confined to the reader thread (start, finish)

    /**
     * @param name       the user's name
     * @param label      the connection's label, for the log ({@code client-3})
     * @param out        the socket's output stream; only the writer thread will touch it
     * @param connection closed to disconnect the user (this also unblocks its reader thread)
     * @param queueLimit messages that may wait; one more disconnects the user
     */
    public Member(String name, String label, OutputStream out, Closeable connection, int queueLimit, EventLog log) {
        this.name = name;
        this.label = label;
        this.out = out;
        this.connection = connection;
        this.queueLimit = queueLimit;
        this.log = log;
        this.outbound = new ArrayBlockingQueue<>(queueLimit);
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
     * full the user is disconnected and false returned; so is a message to a disconnected user.
     */
    public boolean send(String message) {
        if (disconnected.get()) {
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

    public boolean isDisconnected() {
        return disconnected.get();
    }

    /** Closes the user's connection and logs why; the first reason wins. */
    public void disconnect(String reason) {
        if (disconnected.compareAndSet(false, true)) {
            log.info(name + " (" + label + ") disconnected: " + reason);
            close();
        }
    }

    /** Starts the writer thread. */
    public void start(ThreadFactory threads) {
        writer = threads.newThread(this::writeLoop);
        writer.setName(label + " writer");
        writer.start();
    }

    /**
     * Lets the writer send what is queued, then stops it; waits up to {@code grace}, after which
     * the connection is closed so that a writer blocked on a client that does not read ends too.
     */
    public void finish(Duration grace) throws InterruptedException {
        if (!outbound.offer(END)) {
            close(); // queue full: the user is being dropped anyway
        }
        writer.join(grace.toMillis());
        if (writer.isAlive()) {
            close();
            writer.interrupt();
            writer.join(grace.toMillis());
        }
    }

    private void writeLoop() {
        List<String> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(outbound.take());
                outbound.drainTo(batch, MAX_BATCH - 1);
                // Everything queued goes out in one write: one system call for many messages.
                StringBuilder text = new StringBuilder();
                boolean end = false;
                for (String message : batch) {
                    if (message == END) {
                        end = true;
                        break;
                    }
                    text.append(message).append('\n');
                }
                batch.clear();
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (end) {
                    return;
                }
            }
        } catch (IOException e) {
            disconnect("cannot write: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // finish() gave up waiting; the thread ends here
        }
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
