package labs.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rubric, read from {@code grading/rubric.txt}: the single source of the items, the tests
 * that decide each, their points and their descriptions. The format is blocks of
 * {@code key: value} lines, one block per item, opened by {@code [item id]}; {@code #} starts a
 * comment line. Keys: {@code labs}, {@code task}, {@code group} ({@code assignment}, {@code exact}
 * or {@code defence}), {@code points}, {@code tests} ({@code suite#method}, space-separated; none
 * for defence items), {@code en}, {@code ru}.
 */
record Rubric(List<Item> items) {
    static final Path DEFAULT = Path.of("grading", "rubric.txt");

    enum Group { ASSIGNMENT, EXACT, DEFENCE }

    /** One suite's test method. */
    record TestRef(String suite, String method) {
        static TestRef parse(String text) {
            int hash = text.indexOf('#');
            if (hash <= 0 || hash == text.length() - 1) {
                throw new IllegalArgumentException("a test is suite#method, not \"" + text + "\"");
            }
            return new TestRef(text.substring(0, hash), text.substring(hash + 1));
        }

        @Override
        public String toString() {
            return suite + "#" + method;
        }
    }

    record Item(String id, Set<Integer> labs, String task, Group group, double points, List<TestRef> tests,
                String en, String ru) {
        String description(boolean russian) {
            return russian ? ru : en;
        }
    }

    static Rubric load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static Rubric parse(List<String> lines, String source) {
        List<Item> items = new ArrayList<>();
        Map<String, String> fields = null;
        String id = null;
        int opened = 0;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (id != null) {
                    items.add(item(id, fields, source, opened));
                }
                id = line.substring(1, line.length() - 1).strip();
                fields = new LinkedHashMap<>();
                opened = number;
                continue;
            }
            int colon = line.indexOf(':');
            if (id == null || colon <= 0) {
                throw new IllegalArgumentException(source + ":" + number + ": expected [item] or key: value, got \"" + line + "\"");
            }
            fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        if (id != null) {
            items.add(item(id, fields, source, opened));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Item item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException(source + ": item [" + item.id() + "] appears twice");
            }
        }
        return new Rubric(List.copyOf(items));
    }

    private static Item item(String id, Map<String, String> fields, String source, int line) {
        String where = source + ":" + line + ": [" + id + "] ";
        for (String key : List.of("labs", "task", "group", "points", "en", "ru")) {
            if (!fields.containsKey(key) || fields.get(key).isEmpty()) {
                throw new IllegalArgumentException(where + "has no " + key);
            }
        }
        Set<Integer> labs = new TreeSet<>();
        for (String lab : fields.get("labs").split("\\s+")) {
            labs.add(Integer.parseInt(lab));
        }
        Group group = Group.valueOf(fields.get("group").toUpperCase(java.util.Locale.ROOT));
        double points = Double.parseDouble(fields.get("points"));
        List<TestRef> tests = new ArrayList<>();
        for (String test : fields.getOrDefault("tests", "").split("\\s+")) {
            if (!test.isEmpty()) {
                TestRef ref = TestRef.parse(test);
                if (!Suites.known(ref.suite())) {
                    throw new IllegalArgumentException(where + "names an unknown suite: " + ref.suite() + " (known: " + Suites.names() + ")");
                }
                tests.add(ref);
            }
        }
        if (points < 0 || (group == Group.DEFENCE) != tests.isEmpty()) {
            throw new IllegalArgumentException(where + "needs points >= 0, and tests unless it is a defence item (and then none)");
        }
        return new Item(id, Set.copyOf(labs), fields.get("task"), group, points, List.copyOf(tests), fields.get("en"), fields.get("ru"));
    }

    /** The items of one lab, in the file's order. */
    List<Item> forLab(int lab) {
        return items.stream().filter(item -> item.labs().contains(lab)).toList();
    }
}
