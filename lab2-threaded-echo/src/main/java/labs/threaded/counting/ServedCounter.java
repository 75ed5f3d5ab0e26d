package labs.threaded.counting;

/**
 * Counts clients served, from many client threads at once: the repository's first race lesson.
 * {@link UnsafeServedCounter} loses updates; the three others never do, each for its own reason.
 */
public interface ServedCounter {
    void increment();

    long get();
}
