package labs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load averages over 1, 5 and 15 minutes, as {@code /proc/loadavg} gives them: how
 * many processes were running or waiting for a core, on average. NaN where they cannot be read.
 */
record LoadAverage(double one, double five, double fifteen) {
    static final LoadAverage UNKNOWN = new LoadAverage(Double.NaN, Double.NaN, Double.NaN);

    static LoadAverage current() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN; // not Linux: the run cannot be shown quiet, and says so
        }
    }

    /** "0.52 0.58 0.59 1/467 12345" → 0.52, 0.58, 0.59. */
    static LoadAverage parse(String text) {
        String[] parts = text.trim().split("\\s+");
        return new LoadAverage(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }

    boolean known() {
        return !Double.isNaN(one);
    }

    @Override
    public String toString() {
        return known() ? String.format(Locale.ROOT, "%.2f, %.2f, %.2f", one, five, fifteen) : "unknown";
    }
}
