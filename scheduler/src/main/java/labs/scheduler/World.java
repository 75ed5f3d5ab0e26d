package labs.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One moment of a level: the shared variables, each thread's local variables and the line it
 * is on. {@link #copy} lets a search try every schedule from here. Values are immutable
 * (numbers, strings, {@code List.of}, {@code Map.of}), so a copy shares them safely.
 *
 * <p>Thread safety: confined to the game's one thread (or the search's); the "threads" here are
 * simulated, which is the point: the student decides their order.
 */
final class World {
    static final String FREE = "free";

    private final List<List<Step>> programs;
    private final Map<String, Object> shared;
    private final List<Map<String, Object>> locals;
    private final int[] line;
    private boolean jumped;

    World(List<List<Step>> programs, Map<String, Object> shared) {
        this.programs = programs;
        this.shared = new LinkedHashMap<>(shared);
        this.locals = new ArrayList<>();
        for (int t = 0; t < programs.size(); t++) {
            locals.add(new LinkedHashMap<>());
        }
        this.line = new int[programs.size()];
    }

    World copy() {
        World copy = new World(programs, shared);
        for (int t = 0; t < locals.size(); t++) {
            copy.locals.get(t).putAll(locals.get(t));
        }
        System.arraycopy(line, 0, copy.line, 0, line.length);
        return copy;
    }

    static String threadName(int thread) {
        return "thread " + (thread + 1);
    }

    int threads() {
        return programs.size();
    }

    Object get(String name) {
        return shared.get(name);
    }

    int number(String name) {
        return (Integer) shared.get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        return (List<String>) shared.get(name);
    }

    void set(String name, Object value) {
        shared.put(name, value);
    }

    Object local(int thread, String name) {
        return locals.get(thread).get(name);
    }

    void setLocal(int thread, String name, Object value) {
        locals.get(thread).put(name, value);
    }

    /** Sends the thread to another line; its program's length means "finished". */
    void jump(int thread, int to) {
        line[thread] = to;
        jumped = true;
    }

    int line(int thread) {
        return line[thread];
    }

    boolean finished(int thread) {
        return line[thread] >= programs.get(thread).size();
    }

    boolean allFinished() {
        for (int t = 0; t < threads(); t++) {
            if (!finished(t)) {
                return false;
            }
        }
        return true;
    }

    /** Null when the thread can take its next step now; otherwise why not. */
    String whyNot(int thread) {
        return finished(thread) ? "has finished" : current(thread).blockedReason(this, thread);
    }

    /** No thread can move, yet not all have finished: a deadlock. */
    boolean stuck() {
        for (int t = 0; t < threads(); t++) {
            if (whyNot(t) == null) {
                return false;
            }
        }
        return !allFinished();
    }

    Step current(int thread) {
        return programs.get(thread).get(line[thread]);
    }

    /** Lets the thread take its current step; the caller checked {@link #whyNot}. */
    void step(int thread) {
        jumped = false;
        current(thread).action().run(this, thread);
        if (!jumped) {
            line[thread]++;
        }
    }

    List<Step> program(int thread) {
        return programs.get(thread);
    }

    String sharedText() {
        return format(shared);
    }

    String localsText(int thread) {
        return locals.get(thread).isEmpty() ? "no locals yet" : format(locals.get(thread));
    }

    private static String format(Map<String, Object> variables) {
        return variables.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }
}
