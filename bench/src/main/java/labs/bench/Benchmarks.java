package labs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmarks and writes the report. From the repository root:
 * <pre>
 *   mvn -q -pl bench -am compile exec:java -Dlab=bench -Dexec.args="standard"   # docs/benchmarks.md, ~9 min
 *   mvn -q -pl bench -am compile exec:java -Dlab=bench -Dexec.args="quick"      # bench/target/quick/, ~1 min
 * </pre>
 * Every server runs in a child JVM (the same java as this one, so run it on JDK 21+ to include
 * virtual threads) and the load comes from this process, over 127.0.0.1 only. A standard run
 * that starts on a busy machine is not called standard on the page unless {@code --force} is given
 * ({@code -Dexec.args="standard --force"}); see {@link Standing}.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean force = Arrays.asList(args).contains("--force");
        args = Arrays.stream(args).filter(a -> !a.equals("--force")).toArray(String[]::new);
        String command = args.length == 0 ? "" : args[0];
        Path root = repositoryRoot();
        Plan plan;
        try {
            plan = switch (command) {
                case "standard" -> Plan.standard(root.resolve("docs"), force);
                case "quick" -> Plan.quick(root.resolve("bench/target/quick"));
                case "echo", "hold", "chat" -> Plan.only(command, Arrays.copyOfRange(args, 1, args.length));
                default -> throw new IllegalArgumentException(command.isEmpty() ? "no command" : "unknown command " + command);
            };
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: Benchmarks standard [--force] | quick | echo [SERVER,...] [CLIENTS,...] | "
                    + "hold [SERVER,...] [CONNECTIONS,...] | chat [SERVER,...] [RATE,...] (0 = max)");
            System.err.println("servers: lab1, lab2-platform, lab2-virtual, netty, ncat, lab4-platform, lab4-virtual, ncat-chat");
            System.exit(2);
            return;
        }
        Results results = new Runner(System.out).run(plan);
        if (plan.reportDir() != null) {
            List<Path> written = Report.write(results, plan);
            written.forEach(path -> System.out.println("wrote " + path));
        }
    }

    /** The folder with the parent pom.xml and bench/: exec:java may start in the root or in bench/. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bench")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return here;
    }
}
