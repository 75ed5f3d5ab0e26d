package labs.grader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the examples are, and how to run the grader on them in this JVM or in a child one. */
final class Examples {
    static final Path HOME = home();
    static final Path EXAMPLES = HOME.resolve("grading").resolve("examples");
    static final String LABS_CLASSPATH = System.getProperty("java.class.path");
    private static final Pattern TOTAL = Pattern.compile("(?m)^total: (\\S+) / (\\S+)$");

    private Examples() {
    }

    private static Path home() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(Rubric.DEFAULT))) {
                return folder;
            }
        }
        throw new IllegalStateException("no grading/rubric.txt above " + Path.of("").toAbsolutePath());
    }

    static String python(String example) {
        return "python3 " + EXAMPLES.resolve(example);
    }

    static String java(String mainClass) {
        return "java -cp " + LABS_CLASSPATH + " " + mainClass;
    }

    /** What ./grade prints and returns, run in this JVM. */
    record Run(int exitCode, String out, String err) {
        String total() {
            Matcher total = TOTAL.matcher(out);
            return total.find() ? total.group(1) + " / " + total.group(2) : "no total in: " + out + err;
        }
    }

    static Run grade(String... args) {
        System.setProperty("grader.home", HOME.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Grade.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
