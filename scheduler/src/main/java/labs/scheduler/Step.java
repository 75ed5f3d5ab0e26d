package labs.scheduler;

/**
 * One line of a thread's program: the code the student sees and what it does to the world
 * when the scheduler lets that thread take it. A step that takes a lock can be blocked.
 *
 * <p>Thread safety: immutable; the game itself runs in one thread.
 */
record Step(String code, Action action, String lock) {
    /** What a step does; it may jump ({@link World#jump}), otherwise the thread moves to its next line. */
    @FunctionalInterface
    interface Action {
        void run(World world, int self);
    }

    static Step of(String code, Action action) {
        return new Step(code, action, null);
    }

    /** {@code synchronized (lock) {}: only while nobody else holds the lock. */
    static Step acquire(String code, String lock) {
        return new Step(code, (world, self) -> world.set(lock, World.threadName(self)), lock);
    }

    /** Releases the given locks, innermost first. */
    static Step release(String code, String... locks) {
        return of(code, (world, self) -> {
            for (String lock : locks) {
                world.set(lock, World.FREE);
            }
        });
    }

    /** Null when the step may run now; otherwise why the thread waits. */
    String blockedReason(World world, int self) {
        if (lock == null) {
            return null;
        }
        Object owner = world.get(lock);
        return owner.equals(World.FREE) || owner.equals(World.threadName(self)) ? null
                : "waits for " + lock + ", held by " + owner;
    }
}
