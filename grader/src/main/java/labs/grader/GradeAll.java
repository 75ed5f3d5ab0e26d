package labs.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./grade-all LAB DIR [--csv FILE]}: grades every submission folder in DIR, one after
 * another in this JVM, and writes one CSV: student, points per item, total, and why a
 * submission could not be graded. A submission declares its commands in files at its root:
 * {@code RUN} (the server command line, with {@code {port}}) and optionally {@code RUN_CLIENT};
 * they run in the submission's folder. Each submission's table is also left in its
 * {@code grade.txt}.
 */
public final class GradeAll {
    static final String USAGE = "usage: ./grade-all LAB DIR [--csv FILE]";

    private GradeAll() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--csv"))) {
            err.println(USAGE);
            return Grade.BAD_USAGE;
        }
        Path classFolder = Path.of(args[1]).toAbsolutePath();
        Path csv = Path.of(args.length == 4 ? args[3] : "grades-lab" + args[0] + ".csv").toAbsolutePath();
        try {
            Grade.Request template = Grade.parse(new String[] {args[0], "--server", "none"});
            if (!Files.isDirectory(classFolder)) {
                err.println("grade-all: no folder " + classFolder);
                return Grade.BAD_USAGE;
            }
            Rubric rubric = Rubric.load(Grade.home().resolve(Rubric.DEFAULT));
            List<Rubric.Item> items = rubric.forLab(template.lab()).stream()
                    .filter(item -> item.group() != Rubric.Group.DEFENCE).toList();
            List<String> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("student"));
            items.forEach(item -> header.add(item.id()));
            header.addAll(List.of("total", "possible", "note"));
            rows.add(String.join(",", header));
            for (Path submission : submissions(classFolder)) {
                rows.add(gradeOne(template, rubric, submission, out));
            }
            Grade.write(csv, String.join("\n", rows) + "\n");
            out.println("grade-all: " + (rows.size() - 1) + " submissions graded; " + csv);
            return Grade.GRADED;
        } catch (IllegalArgumentException e) {
            err.println("grade-all: " + e.getMessage());
            err.println(USAGE);
            return Grade.BAD_USAGE;
        } catch (IOException e) {
            err.println("grade-all: the grader could not run: " + e.getMessage());
            return Grade.NOT_GRADED;
        }
    }

    private static List<Path> submissions(Path classFolder) throws IOException {
        try (Stream<Path> folders = Files.list(classFolder)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String gradeOne(Grade.Request template, Rubric rubric, Path submission, PrintStream out) throws IOException {
        String student = submission.getFileName().toString();
        out.println("grade-all: " + student + " ...");
        String server = firstLine(submission.resolve("RUN"));
        List<String> cells = new ArrayList<>(List.of(csvCell(student)));
        if (server.isEmpty()) {
            List<Rubric.Item> items = rubric.forLab(template.lab()).stream()
                    .filter(item -> item.group() != Rubric.Group.DEFENCE).toList();
            items.forEach(item -> cells.add("0"));
            cells.addAll(List.of("0", "", csvCell("no RUN file with the server command")));
            return String.join(",", cells);
        }
        Grade.Request request = new Grade.Request(template.lab(), server, firstLine(submission.resolve("RUN_CLIENT")),
                null, false, template.level());
        Report report = Grade.grade(request, rubric, new Submission(request.server(), request.client(), submission),
                Path.of("target", "grading", student).toAbsolutePath());
        Files.writeString(submission.resolve("grade.txt"), report.table(), StandardCharsets.UTF_8);
        for (ItemResult result : report.results()) {
            if (result.item().group() != Rubric.Group.DEFENCE) {
                cells.add(Report.number(result.earned()));
            }
        }
        cells.addAll(List.of(Report.number(report.earned()), Report.number(report.possible()), csvCell(report.fatal())));
        return String.join(",", cells);
    }

    private static String firstLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst().orElse("");
    }

    static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
