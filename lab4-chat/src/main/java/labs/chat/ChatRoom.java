package labs.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import labs.common.EventLog;

/**
 * The one chat room: who is online, what was said, and who must hear what.
 *
 * <p>One order for everybody. Every event that other users see (a message, a join, a leave, an
 * announcement) is handled inside {@code synchronized (order)}: the room takes the next place in
 * the sequence and puts the message in each recipient's queue before the next event may begin.
 * Each queue is first-in first-out and each is written by one thread, so every user receives the
 * messages in the order the room accepted them, the same order for all. This is cheap enough to
 * hold a lock for because {@link Member#send} never blocks: no socket write happens under it.
 * The same lock makes a join atomic with its welcome: a newcomer gets the history up to its
 * join, then every later message, none twice and none missed.
 *
 * <p>Thread safety. Threads: every user's reader thread (join, leave, messages, commands), the
 * operator's thread in lab 5 ({@link #announce}, {@link #onlineNames}).
 * <ul>
 *   <li>{@code accepted}: guarded by {@code order}.</li>
 *   <li>{@code members}: a {@link MemberList} (copy on write), so /who and lab 5's listing read it
 *       without the lock; every change is also made under {@code order}, so it has a place in the sequence.</li>
 *   <li>{@code history}: thread-safe by itself; its additions happen under {@code order}, so the
 *       history file lists messages in the sequence.</li>
 *   <li>Lock order: {@code order}, then a member's queue, the history's lock, the log's lock;
 *       none of those ever takes {@code order}, so there is no deadlock.</li>
 * </ul>
 */
public final class ChatRoom {
    private final Object order = new Object();
    private final MemberList members = new MemberList();
    private final History history;
    private final int historyShown;
    private final EventLog log;
    private long accepted; // guarded by order

    public ChatRoom(History history, int historyShown, EventLog log) {
        this.history = history;
        this.historyShown = historyShown;
        this.log = log;
    }

    /** A room whose history lives in {@code dataDir}. */
    public static ChatRoom open(Path dataDir, ChatSettings settings, EventLog log) throws IOException {
        return new ChatRoom(History.open(dataDir, settings.historyKept(), Clock.systemDefaultZone(), log),
                settings.historyShown(), log);
    }

    /**
     * Adds {@code member} and welcomes it (who is online, the recent history); tells the others.
     * False, and nothing sent, when a user with that name is already online.
     */
    public boolean join(Member member) {
        synchronized (order) {
            if (!members.addIfNameFree(member)) {
                return false;
            }
            List<String> welcome = new ArrayList<>();
            welcome.add("* you are in the chat; " + whoLine());
            welcome.addAll(historyLines(historyShown));
            welcome.add("* type to talk to everybody; /help lists the commands");
            member.send(String.join("\n", welcome));
            sendToOthers(member, "* " + member.name() + " joined");
        }
        log.info(member.name() + " joined the chat (" + members.size() + " online)");
        return true;
    }

    /** Removes {@code member} and tells the others; does nothing the second time. */
    public void leave(Member member) {
        synchronized (order) {
            if (!members.remove(member)) {
                return;
            }
            sendToOthers(member, "* " + member.name() + " left");
        }
        log.info(member.name() + " left the chat (" + members.size() + " online)");
    }

    /** Sends {@code text} from {@code sender} to every other user, and records it in the history. */
    public void say(Member sender, String text) {
        int recipients;
        synchronized (order) {
            accepted++;
            history.add(sender.name(), text);
            sendToOthers(sender, "<" + sender.name() + "> " + text);
            recipients = members.size() - 1;
        }
        log.data(sender.name() + " said " + text.length() + " character(s) to " + recipients + " user(s)");
    }

    /** Sends a private message; false when nobody of that name is online. */
    public boolean tell(Member sender, String recipientName, String text) {
        synchronized (order) {
            Optional<Member> recipient = members.find(recipientName);
            recipient.ifPresent(to -> to.send("<" + sender.name() + " (private)> " + text));
            return recipient.isPresent();
        }
    }

    /** {@code * text} to every user online: the operator's voice (lab 5). */
    public void announce(String text) {
        synchronized (order) {
            members.forEach(member -> member.send("* " + text));
        }
        log.info("announced to " + members.size() + " user(s): " + text);
    }

    /** {@code online (n): a, b, c}, in the order they joined. */
    public String whoLine() {
        List<String> names = onlineNames();
        return "online (" + names.size() + "): " + String.join(", ", names);
    }

    /** The last {@code n} messages as the user sees them, with a heading line. */
    public List<String> historyLines(int n) {
        List<HistoryEntry> entries = history.recent(n);
        List<String> lines = new ArrayList<>();
        if (entries.isEmpty()) {
            lines.add("* no messages yet");
            return lines;
        }
        lines.add("* last " + entries.size() + " message(s):");
        for (HistoryEntry entry : entries) {
            lines.add(entry.display(history.zone()));
        }
        return lines;
    }

    public List<String> onlineNames() {
        List<String> names = new ArrayList<>();
        members.forEach(member -> names.add(member.name()));
        return names;
    }

    public int onlineCount() {
        return members.size();
    }

    public Optional<Member> find(String name) {
        return members.find(name);
    }

    /** Messages said in the room since the server started. */
    public long messagesAccepted() {
        synchronized (order) {
            return accepted;
        }
    }

    public History history() {
        return history;
    }

    private void sendToOthers(Member sender, String message) { // order held
        members.forEach(member -> {
            if (member != sender) {
                member.send(message);
            }
        });
    }
}
