package labs.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath a child server JVM needs: this module's classes plus its runtime dependencies.
 * Inside {@code mvn exec:java} the system property java.class.path is Maven's own launcher, so
 * the build writes the list into {@code classpath.txt} beside these classes (maven-dependency-plugin).
 *
 * <p>Thread safety: stateless.
 */
final class RuntimeClasspath {
    private RuntimeClasspath() {
    }

    static String get() {
        try (InputStream in = RuntimeClasspath.class.getResourceAsStream("classpath.txt")) {
            if (in == null) {
                return System.getProperty("java.class.path"); // run from an IDE or plain java: already right
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownClasses() + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownClasses() {
        try {
            return Path.of(RuntimeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bench classes", e);
        }
    }
}
