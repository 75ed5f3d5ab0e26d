package labs.bench;

import java.util.List;

/**
 * What one hold run measured against one server: its memory and threads with no client, then
 * with each number of idle connections held.
 *
 * @param server      the contender's label
 * @param baseline    the server with no client connected
 * @param points      one per step, in increasing order of connections
 */
record HoldResult(String server, Point baseline, List<Point> points) {

    /**
     * @param asked     connections asked for
     * @param held      connections held (set up and echoed one byte)
     * @param failures  connections refused, reset or not ready in time
     * @param rssKb     the server's resident memory (VmRSS)
     * @param threads   the server's threads
     */
    record Point(int asked, int held, long failures, long rssKb, int threads) {
    }

    /** Memory each held connection added, in KiB: (RSS at N - RSS at 0) / N. */
    double kbPerConnection(Point point) {
        return point.held() == 0 ? Double.NaN : (double) (point.rssKb() - baseline.rssKb()) / point.held();
    }

    Point at(int asked) {
        return points.stream().filter(p -> p.asked() == asked).findFirst().orElse(null);
    }
}
