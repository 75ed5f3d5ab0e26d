package labs.control;

/**
 * Where the Ctrl+C hook goes: the JVM's {@link Runtime}, which starts the hook thread on Ctrl+C
 * or SIGTERM, or a test's stand-in that starts it when the test says so.
 *
 * <p>Thread safety: {@link #RUNTIME} is stateless; Runtime's hook list is thread-safe.
 */
public interface ShutdownHooks {
    void add(Thread hook);

    void remove(Thread hook);

    ShutdownHooks RUNTIME = new ShutdownHooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmShuttingDown) {
                // Ctrl+C: the hook is running the shutdown; nothing to remove.
            }
        }
    };
}
