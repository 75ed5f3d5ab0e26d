package labs.grader;

/**
 * What the thread count says about how a server serves its clients, from N idle clients
 * connected: the threads (and processes) it gained, and how many of the N got an echo.
 */
enum Design {
    THREAD_PER_CLIENT("a thread per client"),
    PROCESS_PER_CLIENT("a process per client"),
    POOL("a pool of about %d threads"),
    EVENT_LOOP("one thread (an event loop or selector)"),
    ONE_AT_A_TIME("one thread, serving one client at a time");

    /** Threads a runtime may add by itself meanwhile (a JIT compiler thread, a timer). */
    static final int NOISE = 2;

    private final String words;

    Design(String words) {
        this.words = words;
    }

    static Design classify(int clients, int newThreads, int newProcesses, int answered) {
        if (newProcesses >= clients - NOISE) {
            return PROCESS_PER_CLIENT;
        }
        if (newThreads >= clients - NOISE) {
            return THREAD_PER_CLIENT;
        }
        if (newThreads > NOISE) {
            return POOL;
        }
        return answered > 1 ? EVENT_LOOP : ONE_AT_A_TIME;
    }

    String describe(int newThreads) {
        return this == POOL ? String.format(words, newThreads) : words;
    }
}
