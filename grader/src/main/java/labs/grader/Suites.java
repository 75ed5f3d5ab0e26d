package labs.grader;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suites a rubric may name, and where their classes are. The echo levels and the grader's
 * own checks are in this module. Labs 3-5's conformance suites stay in their labs' test folders
 * (they are the labs' tests, and their own builds run them); the grader loads them from the
 * labs' {@code target/test-classes}, which {@code ./grade} builds with {@code test-compile}.
 * Running them in this JVM through the JUnit Platform Launcher, rather than a Maven surefire run
 * per submission, keeps a grading to one JVM start (a second Maven per student would cost
 * seconds each for a class of 200) and gives the results as objects, not XML to parse.
 */
final class Suites {
    private record Suite(String className, String labModule) {
    }

    private static final Map<String, Suite> SUITES = new LinkedHashMap<>();

    static {
        SUITES.put("line", new Suite(LineEchoLevel.class.getName(), null));
        SUITES.put("concurrent", new Suite(ConcurrentLevel.class.getName(), null));
        SUITES.put("exact", new Suite(ExactLevel.class.getName(), null));
        SUITES.put("threads", new Suite(ThreadCheck.class.getName(), null));
        SUITES.put("client", new Suite(ClientCheck.class.getName(), null));
        SUITES.put("auth", new Suite("labs.auth.AuthConformanceTest", "lab3-auth"));
        SUITES.put("chat", new Suite("labs.chat.ChatConformanceTest", "lab4-chat"));
        SUITES.put("console", new Suite("labs.control.ConsoleConformanceTest", "lab5-control-thread"));
    }

    private final ClassLoader loader;

    private Suites(ClassLoader loader) {
        this.loader = loader;
    }

    static boolean known(String suite) {
        return SUITES.containsKey(suite);
    }

    static List<String> names() {
        return List.copyOf(SUITES.keySet());
    }

    /** The suites, with the labs' test-classes folders under {@code home} on the class path. */
    static Suites in(Path home) throws IOException {
        List<URL> folders = new ArrayList<>();
        for (Suite suite : SUITES.values()) {
            if (suite.labModule() != null) {
                Path classes = home.resolve(suite.labModule()).resolve("target").resolve("test-classes");
                if (!Files.isDirectory(classes)) {
                    throw new IOException("no " + classes + ": build the labs' tests first (./grade does it; or "
                            + "mvn -q -pl grader -am test-compile)");
                }
                folders.add(classes.toUri().toURL());
            }
        }
        return new Suites(new URLClassLoader(folders.toArray(URL[]::new), Suites.class.getClassLoader()));
    }

    ClassLoader loader() {
        return loader;
    }

    Class<?> suiteClass(String suite) throws ClassNotFoundException {
        return Class.forName(SUITES.get(suite).className(), false, loader);
    }

    /** The test method {@code method} of the suite (inherited ones too), or null if it has none. */
    Method method(Rubric.TestRef ref) throws ClassNotFoundException {
        for (Class<?> type = suiteClass(ref.suite()); type != null; type = type.getSuperclass()) {
            Method found = Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> method.getName().equals(ref.method())
                            && method.isAnnotationPresent(org.junit.jupiter.api.Test.class))
                    .findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Every @Test method name of a suite, for checking that the rubric maps them all. */
    List<String> testMethods(String suite) throws ClassNotFoundException {
        List<String> names = new ArrayList<>();
        for (Class<?> type = suiteClass(suite); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    names.add(method.getName());
                }
            }
        }
        return names;
    }
}
