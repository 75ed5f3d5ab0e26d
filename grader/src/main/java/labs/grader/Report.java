package labs.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grading's results in the forms its readers take: the table for people, Gradescope's
 * {@code results.json}, Autolab's score line, JUnit XML for any CI. All come from the same
 * {@link ItemResult}s, which come from the rubric.
 */
record Report(int lab, Level level, String command, List<ItemResult> results, List<Outcome> outcomes,
              double seconds, String fatal, boolean russian) {
    enum Level { ASSIGNMENT, EXACT }

    /** Counted in "possible": the assignment items, and the exact ones at the exact level. */
    boolean required(Rubric.Item item) {
        return item.group() == Rubric.Group.ASSIGNMENT || (item.group() == Rubric.Group.EXACT && level == Level.EXACT);
    }

    double earned() {
        return results.stream().mapToDouble(ItemResult::earned).sum();
    }

    double possible() {
        return results.stream().filter(result -> required(result.item())).mapToDouble(result -> result.item().points()).sum();
    }

    static String number(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format(Locale.ROOT, "%.2f", points).replaceAll("0$", "");
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(russian ? "Лабораторная " : "Lab ").append(lab)
                .append(russian ? ", уровень " : ", level ").append(level.name().toLowerCase(Locale.ROOT))
                .append(": ").append(command).append('\n');
        if (!fatal.isEmpty()) {
            out.append(russian ? "Проверка не выполнена: " : "Not graded: ").append(fatal).append('\n');
        }
        String format = "%-19s %-52s %7s  %s%n";
        out.append(String.format(format, russian ? "пункт" : "item", "", russian ? "баллы" : "points",
                russian ? "результат — первая ошибка" : "result — first failure"));
        String section = "";
        for (ItemResult result : results) {
            String heading = heading(result.item());
            if (!heading.equals(section)) {
                section = heading;
                if (!heading.isEmpty()) {
                    out.append(heading).append('\n');
                }
            }
            Rubric.Item item = result.item();
            String points = item.group() == Rubric.Group.DEFENCE ? "– / " + number(item.points())
                    : number(result.earned()) + " / " + number(item.points());
            // When nothing ran, the reason is said once, above the rows.
            String why = result.failure().isEmpty() || !fatal.isEmpty() ? result.result() : result.result() + " — " + result.failure();
            out.append(String.format(format, item.id(), shorten(item.description(russian), 52), points, why));
        }
        out.append(russian ? "итого: " : "total: ").append(number(earned())).append(" / ").append(number(possible())).append('\n');
        return out.toString();
    }

    private String heading(Rubric.Item item) {
        if (item.group() == Rubric.Group.EXACT && level == Level.ASSIGNMENT) {
            return russian ? "дополнительно (точное эхо RFC 862; --level exact делает обязательным):"
                    : "extra credit (exact echo, RFC 862; --level exact makes it required):";
        }
        if (item.group() == Rubric.Group.DEFENCE) {
            return russian ? "на защите, вручную (не входит в итог):" : "at the defence, by hand (not in the total):";
        }
        return "";
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private List<ItemResult> graded() {
        return results.stream().filter(result -> result.item().group() != Rubric.Group.DEFENCE).toList();
    }

    /** Gradescope's results.json: score, execution_time, output, and one test per graded item. */
    String gradescopeJson() {
        List<String> tests = new ArrayList<>();
        int number = 0;
        for (ItemResult result : graded()) {
            number++;
            Rubric.Item item = result.item();
            String output = result.failure().isEmpty() ? result.result() : result.result() + " — " + result.failure();
            tests.add("    {\"name\": " + Json.string(item.id() + ": " + item.description(russian))
                    + ", \"number\": " + Json.string(Integer.toString(number))
                    + ", \"score\": " + number(result.earned())
                    + ", \"max_score\": " + number(required(item) ? item.points() : 0)
                    + ", \"status\": " + Json.string(result.full() ? "passed" : "failed")
                    + ", \"output\": " + Json.string(output)
                    + ", \"visibility\": \"visible\"}");
        }
        return "{\n  \"score\": " + number(earned())
                + ",\n  \"execution_time\": " + Math.round(seconds)
                + ",\n  \"output\": " + Json.string(table())
                + ",\n  \"tests\": [\n" + String.join(",\n", tests) + "\n  ]\n}\n";
    }

    /** Autolab's last line of output: {"scores": {"item": points, ...}}. */
    String autolabLine() {
        List<String> scores = new ArrayList<>();
        for (ItemResult result : graded()) {
            scores.add(Json.string(result.item().id()) + ": " + number(result.earned()));
        }
        return "{\"scores\": {" + String.join(", ", scores) + "}}";
    }

    /** The suites' tests as JUnit XML (one testsuite), for tools that read surefire's reports. */
    String junitXml() {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int skipped = 0;
        for (Outcome outcome : outcomes) {
            cases.append("  <testcase classname=\"").append(Json.xml(outcome.test().suite()))
                    .append("\" name=\"").append(Json.xml(outcome.test().method()))
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", outcome.seconds())).append('"');
            switch (outcome.status()) {
                case PASSED -> cases.append("/>\n");
                case SKIPPED -> {
                    skipped++;
                    cases.append(">\n    <skipped message=\"").append(Json.xml(outcome.message())).append("\"/>\n  </testcase>\n");
                }
                case FAILED -> {
                    failures++;
                    cases.append(">\n    <failure message=\"").append(Json.xml(outcome.message())).append("\"/>\n  </testcase>\n");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"grade-lab" + lab + "\" tests=\"" + outcomes.size()
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped
                + "\" time=\"" + String.format(Locale.ROOT, "%.3f", seconds) + "\">\n" + cases + "</testsuite>\n";
    }
}
