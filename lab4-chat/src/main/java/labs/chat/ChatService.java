package labs.chat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

import labs.auth.AuthenticatedService;
import labs.auth.Session;
import labs.common.EventLog;
import labs.common.LineReader;

/**
 * What a logged-in user gets in lab 4: the chat. Runs in the user's own thread, right after lab
 * 3's login: starts the user's writer thread, joins the room (or refuses a name already online),
 * hands the lines to a {@link ChatHandler} until the user leaves, leaves the room, and lets the
 * writer send what is still queued (the goodbye, say) before the server closes the socket.
 *
 * <p>A second login with a name that is online is refused and the first session goes on: a
 * connection cannot take over a name, so nobody who learns a password can silently push its
 * owner out; a user whose old connection died is free again as soon as the server notices the
 * close.
 *
 * <p>Thread safety: called by every user's thread at once. All fields are final and immutable or
 * thread-safe (the room, the log, the thread factory); everything per user lives in local
 * variables of the calling thread (confinement).
 */
public final class ChatService implements AuthenticatedService {
    /** How long a leaving user's writer may take to send what is queued. */
    static final Duration WRITER_GRACE = Duration.ofSeconds(5);

    private final ChatRoom room;
    private final ChatSettings settings;
    private final EventLog log;
    private final LongSupplier nanoClock;
    private final ThreadFactory writerThreads;

    public ChatService(ChatRoom room, ChatSettings settings, EventLog log, LongSupplier nanoClock, ThreadFactory writerThreads) {
        this.room = room;
        this.settings = settings;
        this.log = log;
        this.nanoClock = nanoClock;
        this.writerThreads = writerThreads;
    }

    @Override
    public void serve(Session session) throws IOException {
        serve(session.userName(), session.connection().name(), session.in(),
                session.connection().output(), session.connection());
    }

    /** The chat on any streams: the socket's in the server, in-memory ones in tests. */
    void serve(String userName, String label, LineReader in, OutputStream out, Closeable connection) throws IOException {
        Member member = new Member(userName, label, out, connection, settings.outboundQueueLimit(), log);
        member.start(writerThreads); // from now on only the writer touches out, even for the refusal below
        try {
            if (!room.join(member)) {
                log.info(label + ": " + userName + " is already online; second login refused");
                member.send("! " + userName + " is already online (one connection per name); disconnecting");
                return;
            }
            try {
                FloodGate flood = new FloodGate(settings.floodBurst(), settings.floodPerSecond(), nanoClock);
                new ChatHandler(room, member, settings, flood, log).run(in);
            } finally {
                room.leave(member);
            }
        } finally {
            try {
                member.finish(WRITER_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while " + userName + "'s writer finished");
            }
        }
    }
}
