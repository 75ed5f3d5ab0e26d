package labs.bench;

import org.HdrHistogram.Histogram;

/**
 * The few numbers a report shows of a latency distribution, in microseconds.
 *
 * @param count  samples in the distribution
 * @param p50Us  median
 * @param p99Us  99th percentile: one request in a hundred waited longer
 * @param p999Us 99.9th percentile
 * @param maxUs  the slowest
 */
record LatencySummary(long count, double p50Us, double p99Us, double p999Us, double maxUs) {
    static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A histogram whose values are nanoseconds, up to a minute, with three significant digits. */
    static Histogram newHistogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    static LatencySummary of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(nanos.getTotalCount(),
                micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(99)),
                micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()));
    }

    /**
     * Records a client's wait that ended without a reply. A client left waiting sends nothing else
     * meanwhile, so a closed-loop load would count its whole wait as one sample among the thousands
     * the served clients produce, and the percentiles would hide it ("coordinated omission"). Like
     * HdrHistogram's correction, this counts the wait as the requests the client would have sent at
     * the pace the others were answered: waits of {@code wait}, {@code wait - pace}, ... down to {@code pace}.
     */
    static void recordUnanswered(Histogram nanos, long waitNanos, long paceNanos) {
        nanos.recordValueWithExpectedInterval(waitNanos, Math.max(paceNanos, waitNanos / 100_000));
    }

    boolean isEmpty() {
        return count == 0;
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
