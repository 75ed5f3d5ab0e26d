package labs.grader;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the rubric's tests through the JUnit Platform Launcher in this JVM and turns each into an
 * {@link Outcome}. Every test is bounded: the default timeout below ends a test that would wait
 * forever (in a thread of its own, so even an uninterruptible wait is left behind), and the
 * {@link ProcessReaper} stops what it started.
 *
 * <p>Thread safety: the launcher calls the listener from the thread that runs {@link #run}
 * (the suites run sequentially: they share {@code -Dlab.server.command}); the maps are confined to it.
 */
final class SuiteRunner {
    static final String TEST_TIMEOUT = "60 s";

    private final Suites suites;
    private final Path work;

    SuiteRunner(Suites suites, Path work) {
        this.suites = suites;
        this.work = work;
    }

    List<Outcome> run(List<Rubric.TestRef> tests) {
        Map<String, Rubric.TestRef> byKey = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.timeout.default", TEST_TIMEOUT)
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        for (Rubric.TestRef test : tests) {
            try {
                Method method = suites.method(test);
                if (method == null) {
                    outcomes.put(test.toString(), Outcome.failed(test, "the suite has no test " + test.method()
                            + ": the rubric and the suite disagree"));
                    continue;
                }
                Class<?> suite = suites.suiteClass(test.suite());
                byKey.put(suite.getName() + "#" + test.method(), test);
                request.selectors(DiscoverySelectors.selectMethod(suite, method));
            } catch (ClassNotFoundException e) {
                outcomes.put(test.toString(), Outcome.failed(test, "the suite " + test.suite() + " is not built: " + e.getMessage()));
            }
        }
        if (!byKey.isEmpty()) {
            execute(request.build(), byKey, outcomes);
        }
        List<Outcome> ordered = new ArrayList<>();
        for (Rubric.TestRef test : tests) {
            ordered.add(outcomes.getOrDefault(test.toString(), Outcome.failed(test, "did not run")));
        }
        return ordered;
    }

    private void execute(LauncherDiscoveryRequest request, Map<String, Rubric.TestRef> byKey, Map<String, Outcome> outcomes) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(suites.loader());
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new Collector(byKey, outcomes), new ProcessReaper(),
                    new FreshDataDirs(Submission.current().serverCommand(), work));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Collects the outcome of each selected test method. */
    private static final class Collector implements TestExecutionListener {
        private final Map<String, Rubric.TestRef> byKey;
        private final Map<String, Outcome> outcomes;
        private final Map<String, Map<String, String>> reports = new LinkedHashMap<>();
        private final Map<String, Long> started = new LinkedHashMap<>();

        Collector(Map<String, Rubric.TestRef> byKey, Map<String, Outcome> outcomes) {
            this.byKey = byKey;
            this.outcomes = outcomes;
        }

        private Optional<Rubric.TestRef> refOf(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(source -> byKey.get(source.getClassName() + "#" + source.getMethodName()));
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            started.put(test.getUniqueId(), System.nanoTime());
        }

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            reports.computeIfAbsent(test.getUniqueId(), id -> new LinkedHashMap<>()).putAll(entry.getKeyValuePairs());
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            refOf(test).ifPresent(ref -> outcomes.put(ref.toString(), new Outcome(ref, Outcome.Status.SKIPPED,
                    reason, Map.of(), 0)));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                containerFinished(test, result);
                return;
            }
            Optional<Rubric.TestRef> ref = refOf(test);
            if (ref.isEmpty()) {
                return;
            }
            double seconds = (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1e9;
            Outcome.Status status = switch (result.getStatus()) {
                case SUCCESSFUL -> Outcome.Status.PASSED;
                case ABORTED -> Outcome.Status.SKIPPED;
                case FAILED -> Outcome.Status.FAILED;
            };
            String message = result.getThrowable().map(PlainWords::of).orElse("");
            outcomes.put(ref.get().toString(), new Outcome(ref.get(), status, message,
                    Map.copyOf(reports.getOrDefault(test.getUniqueId(), Map.of())), seconds));
        }

        /** A suite that failed as a whole (e.g. in its set-up) fails each of its tests that did not report. */
        private void containerFinished(TestIdentifier container, TestExecutionResult result) {
            Optional<String> className = container.getSource().filter(ClassSource.class::isInstance)
                    .map(source -> ((ClassSource) source).getClassName());
            if (result.getStatus() != TestExecutionResult.Status.FAILED || className.isEmpty()) {
                return;
            }
            String message = result.getThrowable().map(PlainWords::of).orElse("the suite failed");
            byKey.forEach((key, ref) -> {
                if (key.startsWith(className.get() + "#")) {
                    outcomes.putIfAbsent(ref.toString(), Outcome.failed(ref, message));
                }
            });
        }
    }
}
