package labs.threaded.races;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * (b) A visibility failure, unforced: a thread spins {@code while (!stop)} on a plain field;
 * main sets {@code stop = true} and waits. Once the JIT's optimising compiler (C2) has compiled
 * the loop, it may read the field once, before the loop, and never again: nothing in the loop
 * tells it that another thread writes the field (JLS 17.4: without a happens-before edge the
 * write need never be seen). With {@code volatile} every iteration reads memory, and the loop
 * ends at once (JLS 17.4.5: a volatile write happens-before every later read of it).
 *
 * <p>It depends on the JIT, so the demo says what happened. Run on x86-64, JDK 17.0.15 and
 * 25.0.3: reproduced with the default flags and with {@code -XX:-TieredCompilation} (C2 only);
 * not reproduced with {@code -Xint} (interpreter), {@code -XX:TieredStopAtLevel=1} (C1 only) or
 * {@code -XX:-UseOnStackReplacement} (a loop in a method called once then stays interpreted).
 * The spinner is a daemon thread, so a stuck one does not keep the JVM alive.
 *
 * <p>Thread safety: {@link PlainFlag#stop} is a data race on purpose; {@link VolatileFlag#stop}
 * is volatile, its write visible to the spinner's next read.
 */
final class VisibilityDemo {
    static final class PlainFlag {
        boolean stop; // NOT volatile: that is the bug
    }

    static final class VolatileFlag {
        volatile boolean stop;
    }

    private final long warmUpMillis;
    private final long patienceMillis;
    private final PrintStream out;

    VisibilityDemo(boolean quick, PrintStream out) {
        this.warmUpMillis = quick ? 300 : 1_000;
        this.patienceMillis = 2_000;
        this.out = out;
    }

    void run() throws InterruptedException {
        out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version());
        PlainFlag plain = new PlainFlag();
        boolean plainEnded = watch("plain   ", () -> spinOn(plain), () -> plain.stop = true);
        VolatileFlag shared = new VolatileFlag();
        boolean volatileEnded = watch("volatile", () -> spinOn(shared), () -> shared.stop = true);
        out.println("verdict: " + (plainEnded
                ? "did not reproduce here: the plain loop saw the write (no C2, or it kept the read in the loop)"
                : "reproduced: the plain loop never saw stop = true")
                + "; the volatile loop " + (volatileEnded ? "ended at once" : "DID NOT END"));
    }

    static long spinOn(PlainFlag flag) {
        long spins = 0;
        while (!flag.stop) { // C2 may read flag.stop once, here, and loop for ever
            spins++;
        }
        return spins;
    }

    static long spinOn(VolatileFlag flag) {
        long spins = 0;
        while (!flag.stop) { // a volatile read: from memory on every iteration
            spins++;
        }
        return spins;
    }

    /** Runs the spin loop in a daemon thread, gives the JIT time to compile it, stops it; true if it ended. */
    private boolean watch(String label, LongSupplier spinLoop, Runnable stop) throws InterruptedException {
        Thread spinner = new Thread(() -> {
            long spins = spinLoop.getAsLong();
            out.printf("%s loop: saw stop = true after %,d spins%n", label, spins);
        }, label.trim() + "-spinner");
        spinner.setDaemon(true);
        spinner.start();
        Thread.sleep(warmUpMillis); // a demo waiting for the JIT, not a test waiting for an effect
        stop.run();
        out.printf("%s main: stop = true%n", label);
        spinner.join(patienceMillis);
        if (spinner.isAlive()) {
            out.printf("%s loop: still spinning after %d s%n", label, patienceMillis / 1000);
            return false;
        }
        return true;
    }
}
