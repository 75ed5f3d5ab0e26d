package labs.auth;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A program that dies for real in the middle of saving the identification file: after the new
 * file is written and forced to disk, before it is moved over the old one. {@code halt} ends the
 * JVM at once, with no finally blocks and no shutdown hooks, as a kill -9 or a power cut would.
 * Run by {@link IdentificationFileTest} in a separate JVM.
 */
final class CrashMidWrite {
    static final int EXIT_CODE = 42;

    private CrashMidWrite() {
    }

    public static void main(String[] args) throws IOException {
        IdentificationFile ids = IdentificationFile.load(Path.of(args[0]), temporary -> Runtime.getRuntime().halt(EXIT_CODE));
        ids.register(args[1], new PasswordHasher(1000).hash("password1".toCharArray()));
        throw new IllegalStateException("the hook should have ended this program before the move");
    }
}
