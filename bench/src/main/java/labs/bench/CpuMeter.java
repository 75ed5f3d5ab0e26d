package labs.bench;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Turns two readings of a CPU-time counter into "cores busy": 1.0 means one core the whole
 * window. Used for the server (from /proc) and for this generator (from the JVM), so a reader can
 * see whether the generator, not the server, was the bottleneck.
 *
 * <p>Thread safety: confined to the thread that runs a load.
 */
final class CpuMeter {
    private final LongSupplier cpuNanos;
    private long startCpu;
    private long startWall;

    CpuMeter(LongSupplier cpuNanos) {
        this.cpuNanos = cpuNanos;
    }

    /** This JVM's own CPU time: the generator (and whatever else runs in its JVM, which is idle). */
    static CpuMeter ofThisProcess() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return new CpuMeter(hotspot::getProcessCpuTime);
        }
        return new CpuMeter(() -> 0);
    }

    /** A meter for a process whose CPU cannot be measured: it reads NaN, shown as "–". */
    static CpuMeter unknown() {
        return new CpuMeter(null);
    }

    void start() {
        startCpu = cpuNanos == null ? 0 : cpuNanos.getAsLong();
        startWall = System.nanoTime();
    }

    /** Cores busy on average since {@link #start()}. */
    double coresSinceStart() {
        if (cpuNanos == null) {
            return Double.NaN;
        }
        return cores(cpuNanos.getAsLong() - startCpu, System.nanoTime() - startWall);
    }

    /** CPU time used since {@link #start()}, in nanoseconds; -1 when it cannot be measured. */
    long nanosSinceStart() {
        return cpuNanos == null ? -1 : cpuNanos.getAsLong() - startCpu;
    }

    static double cores(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : (double) cpuNanos / wallNanos;
    }
}
