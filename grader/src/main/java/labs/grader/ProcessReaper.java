package labs.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Stops, after each test, every process the test left running. The labs' suites start the
 * program through {@code ExternalServer}, which stops only the process it started; a program's
 * own children (a shell script's java, a Python server's workers) would outlive it, and once
 * their parent is gone they are no longer this JVM's descendants. So while a test runs, a
 * watcher thread notes every descendant of this JVM every 100 ms, and when the test ends each
 * noted process still alive is stopped by its id ({@link Program#stop}).
 *
 * <p>Thread safety: the launcher's thread calls the listener methods; the watcher thread adds to
 * {@code seen}, a concurrent set; {@code watcher} is written and read by the launcher's thread only.
 */
final class ProcessReaper implements TestExecutionListener {
    private static final long PERIOD_MILLIS = 100;

    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private Thread watcher; // confined to the launcher's thread

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            seen.clear();
            watcher = new Thread(this::watch, "process-reaper");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            ProcessHandle.current().descendants().forEach(seen::add);
            try {
                Thread.sleep(PERIOD_MILLIS); // polling: the JDK has no event for "a process was started"
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            watcher = null;
            ProcessHandle.current().descendants().forEach(seen::add);
            List<ProcessHandle> alive = new ArrayList<>();
            for (ProcessHandle process : seen) {
                if (process.isAlive()) {
                    alive.add(process);
                }
            }
            Program.stop(alive);
        }
    }
}
