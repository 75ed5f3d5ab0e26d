package labs.chat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

import labs.auth.AuthenticatedService;
import labs.auth.Session;
import labs.common.EventLog;
import labs.common.LineReader;

/**
 * What a logged-in user gets in lab 4: the chat. Runs in the user's own thread, right after lab
 * 3's login: starts the user's writer thread, joins the room, hands the lines to a
 * {@link ChatHandler} until the user leaves, leaves the room, and lets the writer send what is
 * still queued (the goodbye, say) before the server closes the socket.
 *
 * <p>A login for a name that is online takes it over: the old connection gets
 * {@code * logged in elsewhere} and is closed. Why: a connection that died without a FIN (a
 * closed laptop, a lost Wi-Fi) looks alive until its idle limit; refusing the owner meanwhile
 * would lock them out of their own name, after lab 3 had already let them in. Only the right
 * password or a valid token gets this far, and the old session is told, so its owner learns if
 * somebody else knows the password.
 *
 * <p>Thread safety: called by every user's thread at once. All fields are final and immutable or
 * thread-safe (the room, the log, the thread factory, the idle watch); everything per user lives
 * in local variables of the calling thread (confinement).
 */
public final class ChatService implements AuthenticatedService {
    /** How long a leaving user's writer may take to send what is queued. */
    static final Duration WRITER_GRACE = Duration.ofSeconds(5);
    static final String LOGGED_IN_ELSEWHERE = "* logged in elsewhere";

    private final ChatRoom room;
    private final ChatSettings settings;
    private final EventLog log;
    private final LongSupplier nanoClock;
    private final ThreadFactory writerThreads;
    private final IdleWatch idleWatch; // null when users may stay silent for ever (--idle-timeout 0)

    public ChatService(ChatRoom room, ChatSettings settings, EventLog log, LongSupplier nanoClock, ThreadFactory writerThreads) {
        this.room = room;
        this.settings = settings;
        this.log = log;
        this.nanoClock = nanoClock;
        this.writerThreads = writerThreads;
        this.idleWatch = settings.idleTimeout().isZero() ? null
                : new IdleWatch(settings.idleTimeout(), settings.idleWarning(), room::members, writerThreads);
    }

    @Override
    public void serve(Session session) throws IOException {
        serve(session.userName(), session.connection().name(), session.in(),
                session.connection().output(), session.connection());
    }

    /** The chat on any streams: the socket's in the server, in-memory ones in tests. */
    void serve(String userName, String label, LineReader in, OutputStream out, Closeable connection) throws IOException {
        Member member = new Member(userName, label, out, connection, settings, log);
        member.start(writerThreads); // from now on only the writer touches out
        try {
            Optional<Member> replaced = room.join(member);
            if (idleWatch != null) {
                idleWatch.memberJoined();
            }
            try {
                if (replaced.isPresent()) {
                    awaitWriter(() -> replaced.get().evict(LOGGED_IN_ELSEWHERE, "logged in elsewhere (" + label + ")", WRITER_GRACE));
                }
                FloodGate flood = new FloodGate(settings.floodBurst(), settings.floodPerSecond(), nanoClock);
                new ChatHandler(room, member, settings, flood, log).run(in);
            } finally {
                room.leave(member);
            }
        } finally {
            awaitWriter(() -> member.finish(WRITER_GRACE));
        }
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    /** An interrupt while waiting for a writer ends this user's thread as an I/O error. */
    private static void awaitWriter(Wait wait) throws InterruptedIOException {
        try {
            wait.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a writer thread");
        }
    }
}
