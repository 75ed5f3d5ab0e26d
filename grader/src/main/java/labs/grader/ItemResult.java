package labs.grader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One rubric item graded: the points earned (in proportion to its tests passed) and why. */
record ItemResult(Rubric.Item item, double earned, String result, String failure) {
    /** Grades {@code item} from the outcomes of its tests (a defence item is graded by hand: no points here). */
    static ItemResult of(Rubric.Item item, Map<String, Outcome> outcomes) {
        if (item.group() == Rubric.Group.DEFENCE) {
            return new ItemResult(item, 0, "by hand", "");
        }
        int passed = 0;
        int skipped = 0;
        String failure = "";
        Set<String> notes = new LinkedHashSet<>();
        for (Rubric.TestRef test : item.tests()) {
            Outcome outcome = outcomes.getOrDefault(test.toString(), Outcome.failed(test, "did not run"));
            outcome.reports().forEach((key, value) -> notes.add(key + ": " + value));
            switch (outcome.status()) {
                case PASSED -> passed++;
                case SKIPPED -> {
                    skipped++;
                    failure = failure.isEmpty() ? outcome.message() : failure;
                }
                case FAILED -> failure = failure.isEmpty() ? outcome.message() : failure;
            }
        }
        int total = item.tests().size();
        double earned = Math.round(item.points() * passed / total * 100) / 100.0;
        String result;
        if (passed == total) {
            result = "passed";
        } else if (skipped == total) {
            result = "skipped";
        } else if (passed == 0) {
            result = "failed";
        } else {
            result = passed + " of " + total + " passed";
        }
        List<String> words = new ArrayList<>();
        words.add(result);
        words.addAll(notes);
        return new ItemResult(item, earned, String.join("; ", words), failure);
    }

    /** Every item scores 0, for a program that could not be graded at all. */
    static ItemResult zero(Rubric.Item item, String why) {
        return item.group() == Rubric.Group.DEFENCE ? new ItemResult(item, 0, "by hand", "")
                : new ItemResult(item, 0, "not run", why);
    }

    boolean full() {
        return earned >= item.points();
    }
}
