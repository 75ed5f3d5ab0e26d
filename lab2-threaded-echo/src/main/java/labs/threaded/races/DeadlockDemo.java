package labs.threaded.races;

import java.io.PrintStream;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * (c) A two-lock deadlock, forced: each thread takes its first lock, waits (a latch) until the
 * other holds its own, then asks for the other's. Neither can go on. The JVM finds the cycle
 * ({@link ThreadMXBean#findDeadlockedThreads()}), and the demo prints it the way
 * {@code jstack PID} or {@code jcmd PID Thread.print} does. The threads are daemons, so the
 * program still ends. The twin takes the locks in one global order (A before B) and finishes.
 *
 * <p>Thread safety: {@code lockA} and {@code lockB} are the two monitors; the latch only lines
 * the threads up so that the cycle closes on every run.
 */
final class DeadlockDemo {
    /** A monitor with a name, so that the dump says which lock is which. */
    static final class Lock {
        final String name;

        Lock(String name) {
            this.name = name;
        }
    }

    private final Lock lockA = new Lock("A");
    private final Lock lockB = new Lock("B");
    private final long holdMillis;
    private final PrintStream out;

    DeadlockDemo(boolean quick, PrintStream out) {
        this.holdMillis = quick ? 0 : 15_000;
        this.out = out;
    }

    void run() throws InterruptedException {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        start("transfer A->B", lockA, lockB, bothHoldOne);
        start("transfer B->A", lockB, lockA, bothHoldOne);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = null;
        for (int tries = 0; tries < 500 && deadlocked == null; tries++) {
            deadlocked = threads.findDeadlockedThreads();
            Thread.sleep(10); // the demo polls the JVM; the cycle closes within microseconds
        }
        if (deadlocked == null) {
            out.println("verdict: no deadlock found within 5 s");
            return;
        }
        print(threads.getThreadInfo(deadlocked, true, true));
        out.println("verdict: deadlock found by ThreadMXBean.findDeadlockedThreads: " + deadlocked.length + " threads");
        if (holdMillis > 0) {
            out.printf("pid %d: for %d s, see the same with `jstack %1$d` or `jcmd %1$d Thread.print`%n",
                    ProcessHandle.current().pid(), holdMillis / 1000);
            Thread.sleep(holdMillis);
        }
        Lock orderedA = new Lock("A");
        Lock orderedB = new Lock("B");
        Thread first = start("ordered A->B", orderedA, orderedB, new CountDownLatch(0));
        Thread second = start("ordered A->B too", orderedA, orderedB, new CountDownLatch(0));
        first.join(5_000);
        second.join(5_000);
        out.println("twin: both threads take A before B, so whoever waits holds nothing; they "
                + (first.isAlive() || second.isAlive() ? "DID NOT finish" : "finished"));
    }

    private Thread start(String name, Lock first, Lock second, CountDownLatch lineUp) {
        Thread thread = new Thread(() -> {
            synchronized (first) {
                lineUp.countDown();
                awaitQuietly(lineUp);
                synchronized (second) {
                    out.println(name + ": holds both locks");
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The deadlocked threads as jstack shows them: who waits for which lock, held by whom; then each stack. */
    private void print(ThreadInfo[] infos) {
        out.println("Found one Java-level deadlock:");
        out.println("=============================");
        for (ThreadInfo info : infos) {
            out.printf("\"%s\":%n  waiting to lock monitor %s,%n  which is held by \"%s\"%n",
                    info.getThreadName(), describe(info.getLockInfo()), info.getLockOwnerName());
        }
        out.println();
        out.println("Java stack information for the threads listed above:");
        out.println("===================================================");
        for (ThreadInfo info : infos) {
            out.printf("\"%s\" %s%n", info.getThreadName(), info.getThreadState());
            StackTraceElement[] stack = info.getStackTrace();
            for (int depth = 0; depth < stack.length && depth < 3; depth++) {
                out.println("\tat " + stack[depth]);
                if (depth == 0) {
                    out.println("\t- waiting to lock " + describe(info.getLockInfo()));
                }
                for (MonitorInfo held : info.getLockedMonitors()) {
                    if (held.getLockedStackDepth() == depth) {
                        out.println("\t- locked " + describe(held));
                    }
                }
            }
        }
        out.println();
    }

    /** jstack shows an address; ThreadInfo gives the identity hash code, which serves as well. */
    private String describe(LockInfo lock) {
        String name = lock.getIdentityHashCode() == System.identityHashCode(lockA) ? lockA.name : lockB.name;
        return String.format("<0x%08x> (a %s, lock %s)", lock.getIdentityHashCode(), lock.getClassName(), name);
    }
}
