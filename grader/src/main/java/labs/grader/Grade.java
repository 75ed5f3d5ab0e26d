package labs.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./grade LAB --server "CMD ... {port} ..." [--client "CMD ... {host} ... {port} ..."]
 * [--json FILE] [--autolab] [--level assignment|exact]}: grades one program and prints a points
 * table from {@code grading/rubric.txt}. Exit code 0 when grading ran (whatever the score), 2 on
 * a usage error, 1 when the grader could not run (then every item scores 0 and the table says why).
 */
public final class Grade {
    static final int GRADED = 0;
    static final int NOT_GRADED = 1;
    static final int BAD_USAGE = 2;
    static final String USAGE = "usage: ./grade LAB --server \"CMD ... {port} ...\" [--client \"CMD ... {host} ... {port} ...\"]"
            + " [--json FILE] [--autolab] [--level assignment|exact]";

    private Grade() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** What was asked on the command line. */
    record Request(int lab, String server, String client, Path json, boolean autolab, Report.Level level) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage());
            err.println(USAGE);
            return BAD_USAGE;
        }
        Path directory = Path.of("").toAbsolutePath();
        try {
            Rubric rubric = Rubric.load(home().resolve(Rubric.DEFAULT));
            if (!request.client().isEmpty() && rubric.forLab(request.lab()).stream()
                    .noneMatch(item -> item.tests().stream().anyMatch(test -> test.suite().equals("client")))) {
                err.println("grade: lab " + request.lab() + "'s rubric grades no client; --client is for lab 1");
                err.println(USAGE);
                return BAD_USAGE;
            }
            Report report = grade(request, rubric, new Submission(request.server(), request.client(), directory),
                    directory.resolve("target").resolve("grading"));
            out.print(report.table());
            Path xml = directory.resolve("target").resolve("grading").resolve("TEST-grade-lab" + request.lab() + ".xml");
            write(xml, report.junitXml());
            if (request.json() != null) {
                write(request.json(), report.gradescopeJson());
            }
            if (request.autolab()) {
                out.println(report.autolabLine());
            }
            return report.fatal().isEmpty() ? GRADED : NOT_GRADED;
        } catch (IOException | RuntimeException e) {
            err.println("grade: the grader could not run: " + e.getMessage());
            return NOT_GRADED;
        }
    }

    static Request parse(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            throw new IllegalArgumentException("give the lab number and --server");
        }
        int lab;
        try {
            lab = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LAB is 1 to 5, not \"" + args[0] + "\"");
        }
        if (lab < 1 || lab > 5) {
            throw new IllegalArgumentException("LAB is 1 to 5, not " + lab);
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean autolab = false;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--autolab" -> autolab = true;
                case "--server", "--client", "--json", "--level" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    values.put(option, args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!values.containsKey("--server")) {
            throw new IllegalArgumentException("--server is required");
        }
        String level = values.getOrDefault("--level", "assignment");
        if (!level.equals("assignment") && !level.equals("exact")) {
            throw new IllegalArgumentException("--level is assignment or exact, not " + level);
        }
        Path json = values.containsKey("--json") ? Path.of(values.get("--json")) : null;
        return new Request(lab, values.get("--server"), values.getOrDefault("--client", ""), json, autolab,
                Report.Level.valueOf(level.toUpperCase(Locale.ROOT)));
    }

    /** Runs the lab's items against the submission; never throws for the program's faults. */
    static Report grade(Request request, Rubric rubric, Submission submission, Path work) throws IOException {
        long start = System.nanoTime();
        boolean russian = System.getenv().getOrDefault("LANG", "").toLowerCase(Locale.ROOT).startsWith("ru");
        List<Rubric.Item> items = rubric.forLab(request.lab());
        Files.createDirectories(work);
        submission.install();
        Optional<String> fatal = Preflight.cannotStart(submission, work);
        List<ItemResult> results = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        if (fatal.isPresent()) {
            items.forEach(item -> results.add(ItemResult.zero(item, fatal.get())));
        } else {
            outcomes = outcomes(items, submission, work);
            Map<String, Outcome> byTest = new LinkedHashMap<>();
            outcomes.forEach(outcome -> byTest.put(outcome.test().toString(), outcome));
            items.forEach(item -> results.add(ItemResult.of(item, byTest)));
        }
        return new Report(request.lab(), request.level(), submission.serverCommand(), results, outcomes,
                (System.nanoTime() - start) / 1e9, fatal.orElse(""), russian);
    }

    private static List<Outcome> outcomes(List<Rubric.Item> items, Submission submission, Path work) throws IOException {
        List<Rubric.TestRef> toRun = new ArrayList<>();
        List<Rubric.TestRef> exact = new ArrayList<>();
        for (Rubric.Item item : items) {
            for (Rubric.TestRef test : item.tests()) {
                (item.group() == Rubric.Group.EXACT ? exact : toRun).add(test);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (!exact.isEmpty()) {
            Optional<String> notExact = Preflight.notByteExact(submission, work);
            if (notExact.isPresent()) {
                exact.forEach(test -> outcomes.add(Outcome.failed(test, notExact.get())));
            } else {
                toRun.addAll(exact);
            }
        }
        outcomes.addAll(0, new SuiteRunner(Suites.in(home()), work).run(toRun));
        return outcomes;
    }

    /** The repository root: -Dgrader.home (the scripts set it), else the nearest folder up with the rubric. */
    static Path home() throws IOException {
        String property = System.getProperty("grader.home", "");
        if (!property.isEmpty()) {
            return Path.of(property).toAbsolutePath();
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(Rubric.DEFAULT))) {
                return folder;
            }
        }
        throw new IOException("cannot find " + Rubric.DEFAULT + " here or above; set -Dgrader.home");
    }

    static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
