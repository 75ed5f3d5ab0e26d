package labs.grader;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The program being graded, as the checks in this JVM see it: the system properties the grader
 * sets before it runs the suites ({@code lab.server.command} and {@code lab.server.dir} are the
 * ones the labs' conformance suites read too).
 */
record Submission(String serverCommand, String clientCommand, Path directory) {
    static final String SERVER_PROPERTY = "lab.server.command";
    static final String DIRECTORY_PROPERTY = "lab.server.dir";
    static final String CLIENT_PROPERTY = "grader.client.command";
    static final Duration STARTUP = Duration.ofSeconds(20);

    static Submission current() {
        return new Submission(System.getProperty(SERVER_PROPERTY, "").trim(),
                System.getProperty(CLIENT_PROPERTY, "").trim(),
                Path.of(System.getProperty(DIRECTORY_PROPERTY, ".")).toAbsolutePath());
    }

    /** Makes this the submission that the suites run against. */
    void install() {
        System.setProperty(SERVER_PROPERTY, serverCommand);
        System.setProperty(DIRECTORY_PROPERTY, directory.toString());
        if (clientCommand.isEmpty()) {
            System.clearProperty(CLIENT_PROPERTY);
        } else {
            System.setProperty(CLIENT_PROPERTY, clientCommand);
        }
    }

    /** The server command with lab 5's {@code {datadir}} pointing into {@code work}. */
    String serverCommand(Path work) {
        return serverCommand.replace("{datadir}", work.toAbsolutePath().toString());
    }
}
