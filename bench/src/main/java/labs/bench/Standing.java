package labs.bench;

import java.util.Locale;

/**
 * Whether a run may be called standard on the report's page. Only the standard plan may, and only
 * when the machine was quiet before it: a 1-minute load average of at most half the cores, so that
 * the run had the cores to itself. {@code --force} calls a run on a busy machine standard anyway,
 * and the page says that too.
 *
 * @param kind   which plan ran
 * @param force  whether {@code --force} was given
 * @param before the load averages just before the first measurement
 * @param cores  the processors of this machine
 */
record Standing(Plan.Kind kind, boolean force, LoadAverage before, int cores) {

    /** The highest 1-minute load average a standard run may start at. */
    double limit() {
        return cores / 2.0;
    }

    /** At most half the cores busy before the run; false when the load is unknown. */
    boolean quiet() {
        return before.known() && before.one() <= limit();
    }

    boolean standard() {
        return kind == Plan.Kind.STANDARD && (quiet() || force);
    }

    /** A standard run that the machine's load would have refused, called standard by {@code --force}. */
    boolean forced() {
        return kind == Plan.Kind.STANDARD && !quiet() && force;
    }

    /** A standard run refused the name because the machine was busy. */
    boolean refused() {
        return kind == Plan.Kind.STANDARD && !quiet() && !force;
    }

    String limitText() {
        return String.format(Locale.ROOT, "%.2f", limit());
    }

    String oneMinuteText() {
        return before.known() ? String.format(Locale.ROOT, "%.2f", before.one()) : "unknown";
    }
}
