package labs.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
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
 * hold a lock for because nothing under it blocks or touches a socket or a file: {@link Member#send}
 * only offers to a queue, and {@link History#add} only records in memory and hands the line to
 * the history's own writer thread. The same lock makes a join atomic with its welcome: a
 * newcomer gets the history up to its join, then every later message, none twice and none missed.
 *
 * <p>A login for a name that is online takes the name over (the old connection may have died
 * without the server knowing): the newcomer takes the old member's place in the list, the others
 * see one line, {@code * alice reconnected (the previous connection was closed)}, and the caller
 * ends the old session ({@link Member#evict}) outside the lock.
 *
 * <p>Thread safety. Threads: every user's reader thread (join, leave, messages, commands), the
 * operator's thread in lab 5 ({@link #announce}, {@link #onlineNames}).
 * <ul>
 *   <li>{@code accepted}: guarded by {@code order}.</li>
 *   <li>{@code members}: a {@link MemberList} (copy on write), so /who and lab 5's listing read it
 *       without the lock; every change is also made under {@code order}, so it has a place in the sequence.</li>
 *   <li>{@code history}: thread-safe by itself; its additions happen under {@code order}, so the
 *       history lists messages in the sequence (its writer thread keeps that order in the file).</li>
 *   <li>Lock order: {@code order}, then a member's queue or the history's lock; neither ever
 *       takes {@code order}, so there is no deadlock. The log is written after the lock is released.</li>
 * </ul>
 */
public final class ChatRoom {
    private final Object order = new Object();
    private final MemberList members = new MemberList();
    private final History history;
    private final int historyShown;
    private final int replyBytes;
    private final EventLog log;
    private long accepted; // guarded by order

    /**
     * @param historyShown messages a newcomer sees
     * @param replyBytes   the most one reply (the welcome, /history) may take
     */
    public ChatRoom(History history, int historyShown, int replyBytes, EventLog log) {
        this.history = history;
        this.historyShown = historyShown;
        this.replyBytes = replyBytes;
        this.log = log;
    }

    public ChatRoom(History history, int historyShown, EventLog log) {
        this(history, historyShown, ChatSettings.MAX_REPLY_BYTES, log);
    }

    /** A room whose history lives in {@code dataDir}. */
    public static ChatRoom open(Path dataDir, ChatSettings settings, EventLog log) throws IOException {
        return new ChatRoom(History.open(dataDir, settings.historyKept(), Clock.systemDefaultZone(), log),
                settings.historyShown(), settings.replyBytes(), log);
    }

    /**
     * Adds {@code member} and welcomes it (who is online, the recent history); tells the others.
     * A member online with the same name is replaced and returned: the caller must
     * {@link Member#evict evict} it.
     */
    public Optional<Member> join(Member member) {
        Optional<Member> replaced;
        synchronized (order) {
            replaced = members.put(member);
            List<String> welcome = new ArrayList<>();
            welcome.add("* you are in the chat; " + whoLine());
            welcome.addAll(historyLines(historyShown));
            welcome.add("* type to talk to everybody; /help lists the commands");
            member.send(Outgoing.lines(welcome));
            sendToOthers(member, Outgoing.line(replaced.isPresent()
                    ? "* " + member.name() + " reconnected (the previous connection was closed)"
                    : "* " + member.name() + " joined"));
        }
        log.info(member.name() + (replaced.isPresent() ? " took over the name from " + replaced.get().name() + "'s old connection" : " joined the chat")
                + " (" + members.size() + " online)");
        return replaced;
    }

    /** Removes {@code member} and tells the others; does nothing the second time, or when it was replaced. */
    public void leave(Member member) {
        Outgoing left = Outgoing.line("* " + member.name() + " left");
        synchronized (order) {
            if (!members.remove(member)) {
                return;
            }
            sendToOthers(member, left);
        }
        log.info(member.name() + " left the chat (" + members.size() + " online)");
    }

    /** Sends {@code text} from {@code sender} to every other user, and records it in the history. */
    public void say(Member sender, String text) {
        Outgoing line = Outgoing.line("<" + sender.name() + "> " + text); // encoded once, outside the lock, for every recipient
        int recipients;
        synchronized (order) {
            accepted++;
            history.add(sender.name(), text);
            recipients = sendToOthers(sender, line);
        }
        if (!log.isQuiet()) { // a quiet log (benchmarks) should not cost a string per message
            log.data(sender.name() + " said " + text.length() + " character(s) to " + recipients + " user(s)");
        }
    }

    /** Sends a private message; false when nobody of that name is online. */
    public boolean tell(Member sender, String recipientName, String text) {
        Outgoing line = Outgoing.line("<" + sender.name() + " (private)> " + text);
        synchronized (order) {
            Optional<Member> recipient = members.find(recipientName);
            recipient.ifPresent(to -> to.send(line));
            return recipient.isPresent();
        }
    }

    /** {@code * text} to every user online: the operator's voice (lab 5). */
    public void announce(String text) {
        Outgoing line = Outgoing.line("* " + text);
        synchronized (order) {
            members.forEach(member -> member.send(line));
        }
        log.info("announced to " + members.size() + " user(s): " + text);
    }

    /** {@code online (n): a, b, c}, in the order they joined. */
    public String whoLine() {
        List<String> names = onlineNames();
        return "online (" + names.size() + "): " + String.join(", ", names);
    }

    /**
     * The last {@code n} messages as the user sees them, with a heading line. Only as many of the
     * newest as fit in one reply: a {@code !} line says how many were asked for and how many follow.
     */
    public List<String> historyLines(int n) {
        List<HistoryEntry> entries = history.recent(n);
        if (entries.isEmpty()) {
            return List.of("* no messages yet");
        }
        ArrayDeque<String> shown = new ArrayDeque<>();
        int bytes = 0;
        for (int i = entries.size() - 1; i >= 0; i--) { // newest first, until the reply is full
            String line = entries.get(i).display(history.zone());
            bytes += Outgoing.utf8Length(line) + 1;
            if (bytes > replyBytes - 200) { // 200: room for the heading lines around them
                break;
            }
            shown.addFirst(line);
        }
        List<String> lines = new ArrayList<>();
        if (shown.size() < entries.size()) {
            lines.add("! the last " + entries.size() + " message(s) do not fit in one reply ("
                    + ChatSettings.describeBytes(replyBytes) + "): showing the last " + shown.size());
        }
        lines.add("* last " + shown.size() + " message(s):");
        lines.addAll(shown);
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

    /** The members online now, in the order they joined: an immutable snapshot. */
    List<Member> members() {
        return members.snapshot();
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

    private int sendToOthers(Member sender, Outgoing message) { // order held
        int recipients = 0;
        List<Member> online = members.snapshot();
        for (int i = 0; i < online.size(); i++) { // by index: no iterator per broadcast
            Member member = online.get(i);
            if (member != sender) {
                member.send(message);
                recipients++;
            }
        }
        return recipients;
    }
}
