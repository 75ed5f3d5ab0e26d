package labs.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * RACE LESSON, NOT THREAD-SAFE: a member list that looks safe and is not. Never used by the
 * server; {@link MemberList} is the fix. See {@code MemberListRaceTest}.
 *
 * <p>The list is a {@link Collections#synchronizedList}, so each add and remove is atomic. But a
 * broadcast walks it with an iterator, step by step, and nothing stops another thread from
 * adding or removing between two steps (the JDK's documentation says the caller must hold the
 * list's lock while iterating; this code forgets, as most first chats do). Outcomes, with a
 * broadcast walking [alice, bob, carol]:
 * <table>
 *   <caption>What a concurrent join or leave does to the walk</caption>
 *   <tr><th>meanwhile</th><th>outcome</th><th>verdict</th></tr>
 *   <tr><td>nothing</td><td>all three get the message</td><td>acceptable</td></tr>
 *   <tr><td>dave joins while bob is being sent to</td><td>ConcurrentModificationException: the broadcast
 *       stops, carol gets nothing, and the sender's thread dies</td><td>forbidden</td></tr>
 *   <tr><td>alice leaves while bob is being sent to</td><td>the walk thinks it has reached the end: carol
 *       silently gets nothing</td><td>forbidden</td></tr>
 * </table>
 * Holding the list's lock for the whole walk would fix it, but then one slow delivery holds up
 * every join and leave; a snapshot (copy on write) fixes it without making anyone wait.
 *
 * <p>Thread safety argument (a flawed one, on purpose): "{@code members} is a synchronized list,
 * a thread-safe type, so the class is safe". Wrong: the type makes each call atomic, not a
 * sequence of calls, and an iteration is a sequence. Verdict: not thread-safe.
 */
public final class UnsafeMemberList {
    private final List<Member> members = Collections.synchronizedList(new ArrayList<>());

    public void add(Member member) {
        members.add(member);
    }

    public void remove(Member member) {
        members.remove(member);
    }

    /** The bug: iterates without the list's lock while other threads change the list. */
    public void forEach(Consumer<Member> action) {
        for (Member member : members) {
            action.accept(member);
        }
    }
}
