package labs.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A server that takes part in the comparison: how to start it, what to call it in the report,
 * and whether this machine can run it at all.
 */
enum Contender {
    LAB1("lab 1 (one thread)", "labs.echo.SingleThreadedEchoServer"),
    LAB2_PLATFORM("lab 2, platform threads", "labs.threaded.ThreadedEchoServer", "--threads", "platform"),
    LAB2_VIRTUAL("lab 2, virtual threads", "labs.threaded.ThreadedEchoServer", "--threads", "virtual"),
    NETTY("Netty (event loops)", "labs.bench.NettyEchoServer"),
    NCAT("ncat --exec /bin/cat", null),
    LAB4_PLATFORM("lab 4, platform threads", "labs.chat.ChatServer", "--threads", "platform"),
    LAB4_VIRTUAL("lab 4, virtual threads", "labs.chat.ChatServer", "--threads", "virtual"),
    NCAT_CHAT("ncat --chat", null);

    /** Enough for the largest hold run; the labs' default cap (100) would turn clients away. */
    static final int MAX_CLIENTS = 20_000;

    private final String label;
    private final String mainClass;
    private final List<String> extraArgs;

    Contender(String label, String mainClass, String... extraArgs) {
        this.label = label;
        this.mainClass = mainClass;
        this.extraArgs = List.of(extraArgs);
    }

    /** The name used on the command line: {@code lab2-platform}. */
    String key() {
        return name().toLowerCase().replace('_', '-');
    }

    static Contender byKey(String key) {
        for (Contender c : values()) {
            if (c.key().equals(key.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no server called '" + key + "'; known: lab1, lab2-platform, "
                + "lab2-virtual, netty, ncat, lab4-platform, lab4-virtual, ncat-chat");
    }

    String label() {
        return label;
    }

    boolean isJava() {
        return mainClass != null;
    }

    boolean usesVirtualThreads() {
        return extraArgs.contains("virtual");
    }

    /** Lab 4 asks every user to log in; ncat --chat lets anyone talk at once. */
    boolean isLab4() {
        return this == LAB4_PLATFORM || this == LAB4_VIRTUAL;
    }

    /**
     * Whether the server's CPU time and context switches can be read from its one process: not
     * for ncat --exec, which hands each client to processes of its own that come and go.
     */
    boolean isOneProcess() {
        return this != NCAT;
    }

    String mainClass() {
        return mainClass;
    }

    List<String> extraArgs() {
        return extraArgs;
    }

    /** Null when this machine can run it, else why not (one line for the report). */
    String whyUnavailable() {
        if (usesVirtualThreads() && Runtime.version().feature() < 21) {
            return "virtual threads need JDK 21+; this run used JDK " + Runtime.version().feature();
        }
        if (isJava() && !onClasspath(mainClass)) {
            return mainClass + " is not on the classpath (is its module built and installed?)";
        }
        if ((this == NCAT || this == NCAT_CHAT) && findOnPath("ncat") == null) {
            return "ncat is not installed (apt-get install ncat)";
        }
        return null;
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Contender.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Path findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
