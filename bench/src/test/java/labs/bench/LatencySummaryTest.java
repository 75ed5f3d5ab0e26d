package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The percentiles of a latency histogram, and how an unanswered wait is counted. */
class LatencySummaryTest {

    @Test
    void summarizesNanosecondsAsMicroseconds() {
        Histogram h = LatencySummary.newHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1000L); // 1 µs ... 1000 µs
        }

        LatencySummary s = LatencySummary.of(h);

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Us()).isCloseTo(500, within(1.0));
        assertThat(s.p99Us()).isCloseTo(990, within(1.0));
        assertThat(s.p999Us()).isCloseTo(999, within(1.0));
        assertThat(s.maxUs()).isCloseTo(1000, within(1.0));
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        LatencySummary s = LatencySummary.of(LatencySummary.newHistogram());

        assertThat(s.isEmpty()).isTrue();
        assertThat(s.p99Us()).isNaN();
    }

    @Test
    void anUnansweredWaitCountsAsTheRequestsItKeptFromBeingSent() {
        Histogram h = LatencySummary.newHistogram();
        for (int i = 0; i < 100; i++) {
            h.recordValue(1_000_000); // a served client: 100 replies of 1 ms
        }

        // Another client waited 1 s without a reply: at a 1 ms pace it would have sent 1,000 requests.
        LatencySummary.recordUnanswered(h, 1_000_000_000L, 1_000_000);

        assertThat(h.getTotalCount()).isEqualTo(100 + 1000);
        assertThat(LatencySummary.of(h).p50Us()).isGreaterThan(100_000); // the median is now a long wait
    }

    @Test
    void withoutAPaceAnUnansweredWaitStillCountsABoundedNumberOfTimes() {
        Histogram h = LatencySummary.newHistogram();

        LatencySummary.recordUnanswered(h, 2_000_000_000L, 0);

        assertThat(h.getTotalCount()).isBetween(1L, 100_000L);
        assertThat(h.getMaxValue()).isGreaterThanOrEqualTo(1_999_000_000L);
    }
}
