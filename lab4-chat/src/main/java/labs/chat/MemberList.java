package labs.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The users online, safe to walk through while others join and leave: the fix for
 * {@link UnsafeMemberList}'s race.
 *
 * <p>Copy on write: the list is an immutable snapshot in a volatile field. Joining or leaving
 * builds a new list and publishes it in one volatile write; {@link #forEach} walks whichever
 * snapshot was current when it began. A user who joins meanwhile is not in that snapshot, and
 * a user who leaves meanwhile is still in it (a message to them is harmless: they are gone), but
 * the walk can neither throw {@link java.util.ConcurrentModificationException} nor skip anyone.
 * Copying costs O(n) per join or leave, which happen a person's pace; broadcasts, far more
 * frequent, cost nothing extra.
 *
 * <p>Thread safety. Threads: every user's reader thread (join, leave, broadcast, /who), lab 5's
 * operator thread (who is online). {@code members} is written only inside
 * {@code synchronized (this)}, so the look-up of a name and the add or replace are one atomic
 * step (two users can never both hold one name); it is volatile, so readers need no lock and always see
 * a whole, finished list (immutability).
 */
public final class MemberList {
    private volatile List<Member> members = List.of(); // written under this; read without a lock

    /**
     * Adds {@code member}, or puts it in the place of the member online with the same name
     * (ignoring case), which is returned: one name, one member, in one atomic step.
     */
    public synchronized Optional<Member> put(Member member) {
        List<Member> next = new ArrayList<>(members);
        String key = member.key();
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).key().equals(key)) {
                Member replaced = next.set(i, member);
                members = List.copyOf(next);
                return Optional.of(replaced);
            }
        }
        next.add(member);
        members = List.copyOf(next);
        return Optional.empty();
    }

    /** Removes {@code member}; true when it was there. */
    public synchronized boolean remove(Member member) {
        List<Member> next = new ArrayList<>(members);
        boolean removed = next.remove(member);
        members = List.copyOf(next);
        return removed;
    }

    /** Calls {@code action} for every member of the snapshot current now. */
    public void forEach(Consumer<Member> action) {
        for (Member member : members) {
            action.accept(member);
        }
    }

    public Optional<Member> find(String name) {
        String key = Member.key(name);
        for (Member member : members) {
            if (member.key().equals(key)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** The members online now, in the order they joined. */
    public List<Member> snapshot() {
        return members;
    }

    public int size() {
        return members.size();
    }
}
