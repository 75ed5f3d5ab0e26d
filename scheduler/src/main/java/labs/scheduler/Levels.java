package labs.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels, each a race from the labs, and each with its fixed twin ({@code 1} and {@code 1f}):
 * the lost update (lab 2), check-then-act registration (lab 3), a broadcast while the member
 * list changes (lab 4), the login lock-out check (lab 3), and a two-lock deadlock.
 *
 * <p>Thread safety: immutable once built; {@link #ALL} is a final unmodifiable list.
 */
final class Levels {
    static final List<Level> ALL = List.of(lostUpdate(), lostUpdateFixed(), register(), registerFixed(),
            broadcast(), broadcastFixed(), lockout(), lockoutFixed(), deadlock(), deadlockFixed());

    private Levels() {
    }

    static Level find(String id) {
        return ALL.stream().filter(level -> level.id().equalsIgnoreCase(id.trim())).findFirst().orElse(null);
    }

    private static List<List<Step>> both(List<Step> program) {
        return List.of(program, program);
    }

    private static String lostCount(World world) {
        return world.allFinished() && world.number("count") != 2
                ? "count = " + world.number("count") + " after two increments: an update is lost" : null;
    }

    static Level lostUpdate() {
        return new Level("1", "lost update: both threads run count++, which is three steps",
                "finish both with count = 1", Map.of("count", 0), both(List.of(
                        Step.of("int read = count;", (w, t) -> w.setLocal(t, "read", w.number("count"))),
                        Step.of("int next = read + 1;", (w, t) -> w.setLocal(t, "next", (Integer) w.local(t, "read") + 1)),
                        Step.of("count = next;", (w, t) -> w.set("count", w.local(t, "next"))))),
                Levels::lostCount, null);
    }

    static Level lostUpdateFixed() {
        return new Level("1f", "lost update, fixed: count++ inside synchronized (lock)",
                "finish both with count = 1", ordered(Map.of("count", 0), "lock"), both(List.of(
                        Step.acquire("synchronized (lock) {", "lock"),
                        Step.of("    int read = count;", (w, t) -> w.setLocal(t, "read", w.number("count"))),
                        Step.of("    count = read + 1;", (w, t) -> w.set("count", (Integer) w.local(t, "read") + 1)),
                        Step.release("}", "lock"))),
                Levels::lostCount,
                "from its read to its write each thread holds the lock, so the other cannot read in between:"
                        + " it waits at synchronized (state BLOCKED). The three steps became one (SynchronizedServedCounter).");
    }

    private static List<Step> registration(String password) {
        return List.of(
                Step.of("if (!users.containsKey(\"alice\")) {", (w, t) -> {
                    if (w.get("users").toString().contains("alice")) {
                        w.jump(t, 3);
                    }
                }),
                Step.of("    users.put(\"alice\", \"" + password + "\");", (w, t) -> w.set("users", Map.of("alice", password))),
                Step.of("    return \"registered\";", (w, t) -> {
                    w.setLocal(t, "result", "registered");
                    w.jump(t, 4);
                }),
                Step.of("} else return \"name taken\";", (w, t) -> w.setLocal(t, "result", "name taken")));
    }

    private static String twoOwners(World world) {
        return "registered".equals(world.local(0, "result")) && "registered".equals(world.local(1, "result"))
                ? "both were told \"registered\", but users = " + world.get("users") + ": one of them can never log in" : null;
    }

    static Level register() {
        return new Level("2", "check-then-act: two users register the name alice at once (lab 3)",
                "tell both threads \"registered\"", Map.of("users", Map.of()),
                List.of(registration("secret-1"), registration("secret-2")), Levels::twoOwners, null);
    }

    private static List<Step> atomicRegistration(String password) {
        return List.of(
                Step.of("boolean won = users.putIfAbsent(\"alice\", \"" + password + "\") == null;", (w, t) -> {
                    boolean won = !w.get("users").toString().contains("alice");
                    if (won) {
                        w.set("users", Map.of("alice", password));
                    }
                    w.setLocal(t, "won", won);
                }),
                Step.of("return won ? \"registered\" : \"name taken\";",
                        (w, t) -> w.setLocal(t, "result", (Boolean) w.local(t, "won") ? "registered" : "name taken")));
    }

    static Level registerFixed() {
        return new Level("2f", "check-then-act, fixed: ConcurrentHashMap.putIfAbsent (lab 3's SafeRegistry)",
                "tell both threads \"registered\"", Map.of("users", Map.of()),
                List.of(atomicRegistration("secret-1"), atomicRegistration("secret-2")), Levels::twoOwners,
                "putIfAbsent checks and puts in one atomic step: there is no moment between them for the other"
                        + " thread, so exactly one finds the name free.");
    }

    private static String missedSomeone(World world) {
        if (!world.finished(0)) {
            return null;
        }
        if (world.local(0, "thrown") != null) {
            return "ConcurrentModificationException in it.next(): the broadcast stops and the sender's thread dies";
        }
        List<String> delivered = world.list("delivered");
        return delivered.contains("bob") && delivered.contains("carol") ? null
                : "delivered = " + delivered + ": someone online the whole time got nothing";
    }

    private static Map<String, Object> members() {
        return ordered(Map.of(), "members", List.of("alice", "bob", "carol"), "delivered", List.of());
    }

    private static void deliver(World world, String member) {
        List<String> delivered = new ArrayList<>(world.list("delivered"));
        delivered.add(member);
        world.set("delivered", List.copyOf(delivered));
    }

    static Level broadcast() {
        Map<String, Object> start = ordered(members(), "modCount", 0);
        List<Step> broadcaster = List.of(
                Step.of("Iterator<Member> it = members.iterator();", (w, t) -> {
                    w.setLocal(t, "cursor", 0);
                    w.setLocal(t, "expectedModCount", w.number("modCount"));
                }),
                Step.of("while (it.hasNext()) {            // cursor != members.size()", (w, t) -> {
                    if ((Integer) w.local(t, "cursor") == w.list("members").size()) {
                        w.jump(t, 4);
                    }
                }),
                Step.of("    Member m = it.next();         // checks modCount first", (w, t) -> {
                    if (!w.local(t, "expectedModCount").equals(w.get("modCount"))) {
                        w.setLocal(t, "thrown", "ConcurrentModificationException");
                        w.jump(t, 4);
                        return;
                    }
                    int cursor = (Integer) w.local(t, "cursor");
                    w.setLocal(t, "m", w.list("members").get(cursor));
                    w.setLocal(t, "cursor", cursor + 1);
                }),
                Step.of("    m.send(message);\n}", (w, t) -> {
                    deliver(w, (String) w.local(t, "m"));
                    w.jump(t, 1);
                }));
        List<Step> leaver = List.of(Step.of("members.remove(alice);", (w, t) -> {
            w.set("members", List.of("bob", "carol"));
            w.set("modCount", w.number("modCount") + 1);
        }));
        return new Level("3", "a broadcast walks the member list while alice leaves (lab 4's UnsafeMemberList)",
                "make bob or carol miss the message, or break the walk", start, List.of(broadcaster, leaver),
                Levels::missedSomeone, null);
    }

    static Level broadcastFixed() {
        List<Step> broadcaster = List.of(
                Step.of("List<Member> snapshot = members;  // volatile, immutable", (w, t) -> {
                    w.setLocal(t, "snapshot", w.list("members"));
                    w.setLocal(t, "i", 0);
                }),
                Step.of("for (; i < snapshot.size(); i++)", (w, t) -> {
                    if ((Integer) w.local(t, "i") == ((List<?>) w.local(t, "snapshot")).size()) {
                        w.jump(t, 3);
                    }
                }),
                Step.of("    snapshot.get(i).send(message);", (w, t) -> {
                    int i = (Integer) w.local(t, "i");
                    deliver(w, (String) ((List<?>) w.local(t, "snapshot")).get(i));
                    w.setLocal(t, "i", i + 1);
                    w.jump(t, 1);
                }));
        List<Step> leaver = List.of(Step.of("members = List.of(bob, carol);    // a new list, one volatile write",
                (w, t) -> w.set("members", List.of("bob", "carol"))));
        return new Level("3f", "a broadcast while alice leaves, fixed: copy on write (lab 4's MemberList)",
                "make bob or carol miss the message, or break the walk", members(), List.of(broadcaster, leaver),
                Levels::missedSomeone,
                "the walk reads one snapshot that nobody ever changes; leaving builds a new list and swaps the"
                        + " reference. Alice may still get this message (she was online when it was sent): acceptable.");
    }

    private static String extraGuess(World world) {
        return world.number("guesses") > 1
                ? "the attacker's passwords were checked " + (2 + world.number("guesses"))
                        + " times in all; the limit is 3 before the temporary lock-out" : null;
    }

    private static List<Step> guess() {
        return List.of(
                Step.of("if (failures >= 3) return \"locked out\";", (w, t) -> {
                    if (w.number("failures") >= 3) {
                        w.setLocal(t, "result", "locked out");
                        w.jump(t, 4);
                    }
                }),
                Step.of("boolean ok = verify(guess);       // wrong, and slow on purpose",
                        (w, t) -> w.set("guesses", w.number("guesses") + 1)),
                Step.of("failures++;                       // an atomic compute", (w, t) -> w.set("failures", w.number("failures") + 1)),
                Step.of("return \"wrong password\";", (w, t) -> w.setLocal(t, "result", "wrong password")));
    }

    static Level lockout() {
        return new Level("4", "the login lock-out: check the lock, verify, count; two failures so far, 3 allowed",
                "get both wrong guesses verified", ordered(Map.of(), "failures", 2, "guesses", 0), both(guess()),
                Levels::extraGuess, null);
    }

    static Level lockoutFixed() {
        List<Step> reserveFirst = List.of(
                Step.of("boolean allowed = throttle.tryAttempt(name);  // if failures < 3: failures++, atomically", (w, t) -> {
                    boolean allowed = w.number("failures") < 3;
                    if (allowed) {
                        w.set("failures", w.number("failures") + 1);
                    }
                    w.setLocal(t, "allowed", allowed);
                }),
                Step.of("if (!allowed) return \"locked out\";", (w, t) -> {
                    if (!(Boolean) w.local(t, "allowed")) {
                        w.setLocal(t, "result", "locked out");
                        w.jump(t, 4);
                    }
                }),
                Step.of("boolean ok = verify(guess);       // wrong", (w, t) -> w.set("guesses", w.number("guesses") + 1)),
                Step.of("return ok ? forgive(name) : \"wrong password\";", (w, t) -> w.setLocal(t, "result", "wrong password")));
        return new Level("4f", "the login lock-out, fixed: check and count in one atomic step, before verifying",
                "get both wrong guesses verified", ordered(Map.of(), "failures", 2, "guesses", 0), both(reserveFirst),
                Levels::extraGuess,
                "the check and the count are one atomic step, taken before the password is verified (a success"
                        + " gives the attempt back). Whoever comes second finds failures = 3: two threads cannot share the last guess.");
    }

    private static List<Step> transfer(String first, String second) {
        return List.of(
                Step.acquire("synchronized (" + first + ") {", first),
                Step.acquire("    synchronized (" + second + ") {", second),
                Step.release("        move(" + first + ", " + second + ");\n    }\n}", second, first));
    }

    private static String cycle(World world) {
        return world.stuck() ? "deadlock: " + World.threadName(0) + " " + world.whyNot(0) + "; "
                + World.threadName(1) + " " + world.whyNot(1) : null;
    }

    static Level deadlock() {
        return new Level("5", "two locks: thread 1 takes a then b, thread 2 takes b then a",
                "leave both threads waiting for ever", ordered(Map.of(), "a", World.FREE, "b", World.FREE),
                List.of(transfer("a", "b"), transfer("b", "a")), Levels::cycle, null);
    }

    static Level deadlockFixed() {
        return new Level("5f", "two locks, fixed: both threads take a before b",
                "leave both threads waiting for ever", ordered(Map.of(), "a", World.FREE, "b", World.FREE),
                both(transfer("a", "b")), Levels::cycle,
                "one global lock order: a thread waiting for a holds nothing, and the one holding a can always"
                        + " take b. No cycle of waits can form.");
    }

    /** A start state with a fixed display order: {@code base} first, then name/value pairs. */
    private static Map<String, Object> ordered(Map<String, Object> base, Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> ordered(Map<String, Object> base, String lock) {
        return ordered(base, lock, World.FREE);
    }
}
