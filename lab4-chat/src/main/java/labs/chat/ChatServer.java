package labs.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import labs.auth.AuthServer;
import labs.auth.AuthSettings;
import labs.common.EventLog;
import labs.common.Options;
import labs.common.ServerConfig;
import labs.common.ServerLauncher;

/**
 * Lab 4's server: lab 3's authentication server whose service after login is the chat. This
 * class only wires: the room (with its history file in the data folder) and the
 * {@link ChatService} that serves each logged-in user; the protocol is in {@link ChatHandler}.
 *
 * <pre>
 *   acceptor ──▶ client thread: login (lab 3) ──▶ ChatService: join, ChatHandler reads lines
 *                                                   │ room.say(): under the room's lock,
 *                                                   ▼ into every other member's queue
 *                               writer thread per member: queue ──▶ its socket
 * </pre>
 *
 * <p>Thread safety: adds one final reference, to the thread-safe {@link ChatRoom}.
 */
public class ChatServer extends AuthServer {
    public static final String LAB_NAME = "lab4-chat";

    private final ChatRoom room;

    public ChatServer(ServerConfig config, EventLog log, AuthSettings auth, ChatSettings chat, Threads threads) throws IOException {
        this(config, log, auth, chat, threads, System::nanoTime);
    }

    /** The same, with the clock the flood limit reads (tests move it by hand). */
    public ChatServer(ServerConfig config, EventLog log, AuthSettings auth, ChatSettings chat, Threads threads,
                      LongSupplier nanoClock) throws IOException {
        this(config, log, auth, chat, threads, nanoClock, ChatRoom.open(auth.dataDir(), chat, log));
    }

    /** The same, around a room made elsewhere (tests give it a history that blocks). */
    ChatServer(ServerConfig config, EventLog log, AuthSettings auth, ChatSettings chat, Threads threads,
               LongSupplier nanoClock, ChatRoom room) throws IOException {
        super("chat server", config, log, auth,
                new ChatService(room, chat, log, nanoClock, threadFactory(threads)), threads);
        this.room = room;
    }

    public static void main(String[] args) {
        ServerLauncher.main(args, options("lab4-chat server"), (parsed, log) -> new ChatServer(ServerConfig.from(parsed),
                log, AuthSettings.from(parsed, LAB_NAME), ChatSettings.from(parsed), threadsFrom(parsed)));
    }

    /** Every option of this server: where to listen, threads, login, chat. */
    public static Options options(String program) {
        return ChatSettings.withOptions(AuthSettings.withOptions(withThreadsOption(Options.forServer(program))));
    }

    public ChatRoom room() {
        return room;
    }

    /**
     * The server has stopped only once the history file holds every message said: its writer
     * thread may still be saving the last ones, and when it was started by a virtual thread it is
     * a daemon, which the JVM's exit would cut short.
     */
    @Override
    protected boolean finishAfterThreads(long deadlineNanos) throws InterruptedException {
        return room.history().awaitSaved(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    }

    /** {@code * text} to every user online (lab 5 says goodbye with it before stopping). */
    public void announce(String text) {
        room.announce(text);
    }
}
