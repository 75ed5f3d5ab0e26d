package labs.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Gives each test a program with an empty data folder: before a test starts, {@code {datadir}}
 * in {@code -Dlab.server.command} becomes a new folder, so that what one test left behind (a
 * chat history, registered names) cannot fail the next. Lab 5's suite replaces {@code {datadir}}
 * itself, with the folder it then inspects, so its tests get the template unchanged.
 *
 * <p>Thread safety: only the launcher's thread calls it; {@code count} is confined to that thread.
 */
final class FreshDataDirs implements TestExecutionListener {
    private final String template;
    private final Path root;
    private int count; // confined to the launcher's thread

    FreshDataDirs(String template, Path root) {
        this.template = template;
        this.root = root;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        boolean ownsDataDir = test.getSource().filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getClassName().startsWith("labs.control.")).orElse(false);
        if (!test.isTest() || ownsDataDir || !template.contains("{datadir}")) {
            return;
        }
        try {
            Path folder = Files.createDirectories(root.resolve("data-" + ++count));
            System.setProperty(Submission.SERVER_PROPERTY, template.replace("{datadir}", folder.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        System.setProperty(Submission.SERVER_PROPERTY, template);
    }
}
