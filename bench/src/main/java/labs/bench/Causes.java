package labs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a target is missed: the cause's block of the causes template ({@code report/causes.*.md}),
 * filled with the numbers of this run that the target carries, so that the explanation is the
 * measured columns' and stays true when the numbers change. Identical explanations are given once,
 * for all the targets they explain.
 *
 * <p>Thread safety: stateless, so any thread may use it.
 */
final class Causes {
    private Causes() {
    }

    /** The list of missed targets, each with its cause; empty when nothing measured was missed. */
    static String whyMissed(List<Target> targets, boolean ru) {
        Template causes = Template.load("causes", ru);
        Map<String, List<String>> goalsByCause = new LinkedHashMap<>();
        for (Target target : targets) {
            if (Boolean.FALSE.equals(target.met())) {
                String cause = causes.block(target.cause()).fill(target.facts()).replaceAll("\\s*\\n\\s*", " ").strip();
                goalsByCause.computeIfAbsent(cause, c -> new ArrayList<>()).add("**" + target.goal()[ru ? 1 : 0] + "**");
            }
        }
        StringBuilder md = new StringBuilder();
        goalsByCause.forEach((cause, goals) -> md.append("- ").append(String.join("; ", goals)).append(" — ").append(cause).append("\n"));
        return md.isEmpty() ? "" : md.append("\n").toString();
    }

    /** What the memory of a platform thread's connection is made of, as measured while writing this module. */
    static String platformMemory(boolean ru) {
        return Template.load("causes", ru).block("memory-platform-detail").fill(Map.of());
    }
}
