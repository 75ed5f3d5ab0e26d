package labs.bench;

/**
 * What one chat run measured.
 *
 * @param server         the contender's label
 * @param users          users connected (and logged in, for lab 4)
 * @param senders        users who sent
 * @param messagesEach   messages each sender sent
 * @param ratePerSender  messages a second each sender aimed at; 0 = as fast as it could
 * @param expected       deliveries that should happen: every message to every other user
 * @param delivered      distinct deliveries received intact
 * @param duplicated     deliveries received more than once
 * @param damaged        lines that were not a message as sent (garbled, merged, cut)
 * @param seconds        from the first send to the last delivery
 * @param latency        end-to-end: sender's write to receiver's read
 * @param serverCpu      server CPU in cores over the run
 * @param generatorCpu   this generator's CPU in cores over the run
 * @param serverCpuNanos the server's CPU time in the measured window; negative when not measured
 * @param switches       the server's context switches in the measured window; negative when not measured
 * @param droppedUsers   users the server disconnected because they fell behind (lab 4 logs each); 0 for ncat
 */
record ChatResult(String server, int users, int senders, int messagesEach, int ratePerSender,
                  long expected, long delivered, long duplicated, long damaged, double seconds,
                  LatencySummary latency, double serverCpu, double generatorCpu, long serverCpuNanos, long switches,
                  int droppedUsers) {

    long missing() {
        return expected - delivered;
    }

    boolean lossless() {
        return missing() == 0 && duplicated == 0 && damaged == 0;
    }

    double deliveriesPerSecond() {
        return seconds <= 0 ? 0 : delivered / seconds;
    }

    /** Messages a second the senders together aimed to send into the room; 0 when they sent as fast as they could. */
    int offeredMessagesPerSecond() {
        return senders * ratePerSender;
    }

    /** The server's CPU time per intact delivery, in microseconds: what one delivery costs it. */
    double serverMicrosPerDelivery() {
        return delivered == 0 || serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1000.0 / delivered;
    }

    /** The server's context switches per intact delivery; NaN when not measured. */
    double switchesPerDelivery() {
        return delivered == 0 || switches < 0 ? Double.NaN : (double) switches / delivered;
    }
}
