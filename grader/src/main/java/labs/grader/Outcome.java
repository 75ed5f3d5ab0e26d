package labs.grader;

import java.util.Map;

/** What one test of a suite gave: its status, the first failure in plain words, what it reported. */
record Outcome(Rubric.TestRef test, Status status, String message, Map<String, String> reports, double seconds) {
    enum Status { PASSED, FAILED, SKIPPED }

    static Outcome failed(Rubric.TestRef test, String message) {
        return new Outcome(test, Status.FAILED, message, Map.of(), 0);
    }
}
