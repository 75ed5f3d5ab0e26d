package labs.chat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** Reads one user's socket in a thread of its own, as a real client does, keeping every line. */
final class Listener {
    private final ChatUser user;
    private final List<String> lines = new ArrayList<>(); // guarded by lines
    private final Thread thread;
    private volatile boolean closed;
    private volatile int chatCount; // written by the listener thread only

    Listener(ChatUser user) {
        this.user = user;
        this.thread = new Thread(this::readUntilClosed, "listener " + user.name);
        thread.setDaemon(true);
        thread.start();
    }

    private void readUntilClosed() {
        try {
            while (true) {
                String line;
                try {
                    line = user.next();
                } catch (SocketTimeoutException quietForAWhile) {
                    continue;
                }
                if (line == null) {
                    break;
                }
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.startsWith("<")) {
                    chatCount++;
                }
            }
        } catch (IOException closedOrReset) {
            // The test closed the socket, or the server dropped this user: either way, done.
        }
        closed = true;
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The chat lines ({@code <name> text}) received so far, in order. */
    List<String> chat() {
        return lines().stream().filter(line -> line.startsWith("<")).toList();
    }

    /** How many chat lines have arrived, without copying them: cheap enough to poll. */
    int chatCount() {
        return chatCount;
    }

    boolean isClosed() {
        return closed;
    }

    ChatUser user() {
        return user;
    }
}
