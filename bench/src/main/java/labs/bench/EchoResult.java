package labs.bench;

/**
 * What one echo run measured against one server at one number of clients.
 *
 * @param server        the contender's label
 * @param clients       connections asked for
 * @param answered      clients that got at least one reply
 * @param roundTrips    replies received, verified, to requests sent in the measured window
 * @param seconds       length of the measured window
 * @param latency       round-trip latency; unanswered waits weighted as explained in {@link LatencySummary}
 * @param timeouts      requests (or connects) that got no reply within the per-request timeout
 * @param damaged       replies that differed from what was sent, or connections the server closed
 * @param serverCpu     server CPU in the window, in cores (1.0 = one core busy all the time)
 * @param generatorCpu  the load generator's CPU in the window, in cores
 * @param switches      the server's context switches in the window; negative when not measured
 */
record EchoResult(String server, int clients, int answered, long roundTrips, double seconds,
                  LatencySummary latency, long timeouts, long damaged, double serverCpu, double generatorCpu,
                  long switches) {

    double roundTripsPerSecond() {
        return seconds <= 0 ? 0 : roundTrips / seconds;
    }

    /** The server's CPU time per round trip, in microseconds: its cost per request, whatever the generator did. */
    double serverMicrosPerRoundTrip() {
        return roundTrips == 0 || Double.isNaN(serverCpu) ? Double.NaN : serverCpu * seconds * 1e6 / roundTrips;
    }

    /** The server's context switches per round trip; NaN when not measured. */
    double switchesPerRoundTrip() {
        return roundTrips == 0 || switches < 0 ? Double.NaN : (double) switches / roundTrips;
    }
}
