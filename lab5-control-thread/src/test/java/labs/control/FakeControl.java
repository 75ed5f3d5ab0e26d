package labs.control;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ServerControl} without a server: it remembers what the console asked of it. */
final class FakeControl implements ServerControl {
    volatile boolean listening = true;
    volatile boolean stopped;
    volatile boolean portTaken;
    volatile int knownUsers = 3;
    final AtomicInteger shutdowns = new AtomicInteger();

    @Override
    public Status status() {
        return new Status(listening, stopped, "127.0.0.1", 5000, 2, 3, Duration.ofSeconds(3723), 7);
    }

    @Override
    public boolean pause() {
        if (!listening || stopped) {
            return false;
        }
        listening = false;
        return true;
    }

    @Override
    public boolean resume() throws IOException {
        if (listening || stopped) {
            return false;
        }
        if (portTaken) {
            throw new BindException("port 5000 on 127.0.0.1 is already in use");
        }
        listening = true;
        return true;
    }

    @Override
    public int clearIdentities() {
        int forgotten = knownUsers;
        knownUsers = 0;
        return forgotten;
    }

    @Override
    public boolean shutdown() {
        shutdowns.incrementAndGet();
        if (stopped) {
            return false;
        }
        stopped = true;
        listening = false;
        return true;
    }

    @Override
    public boolean terminatedCleanly() {
        return true;
    }
}
