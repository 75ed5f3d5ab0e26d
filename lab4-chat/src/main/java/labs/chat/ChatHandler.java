package labs.chat;

import java.io.IOException;
import java.util.List;

import labs.chat.ChatCommand.Help;
import labs.chat.ChatCommand.Invalid;
import labs.chat.ChatCommand.Private;
import labs.chat.ChatCommand.Quit;
import labs.chat.ChatCommand.Say;
import labs.chat.ChatCommand.ShowHistory;
import labs.chat.ChatCommand.Unknown;
import labs.chat.ChatCommand.Who;
import labs.common.EventLog;
import labs.common.LineReader;
import labs.common.LineTooLongException;

/**
 * The chat protocol for one logged-in user: reads the user's lines and does what each says.
 * Every reply goes through the user's {@link Member} queue, never straight to the socket.
 * <ul>
 *   <li>A blank line is ignored; a line over the limit gets {@code !} and the user goes on.</li>
 *   <li>Control characters are replaced ({@link TextSanitizer}) before anyone else sees the text.</li>
 *   <li>Every line read, a blank one too, tells the member the user is not idle.</li>
 *   <li>A line over the flood limit is dropped; the first of a flood gets a warning, and a user who
 *       keeps flooding for a whole burst of dropped lines is disconnected.</li>
 * </ul>
 *
 * <p>Thread safety: confined to the user's reader thread; the room and the member it calls are thread-safe.
 */
final class ChatHandler {
    private static final Outgoing HELP = Outgoing.lines(List.of(
            "* commands:",
            "*   text            send text to everybody online",
            "*   /who            who is online",
            "*   /history [n]    the last n messages",
            "*   /msg name text  a private message to one user",
            "*   /quit           leave the chat",
            "*   //text          send text that starts with /",
            "*   /help           this list")); // encoded once for every user who asks

    private final ChatRoom room;
    private final Member member;
    private final ChatSettings settings;
    private final FloodGate flood;
    private final EventLog log;

    ChatHandler(ChatRoom room, Member member, ChatSettings settings, FloodGate flood, EventLog log) {
        this.room = room;
        this.member = member;
        this.settings = settings;
        this.flood = flood;
        this.log = log;
    }

    /** Serves the user until /quit (returns), the end of the stream (returns) or an I/O error (throws). */
    void run(LineReader in) throws IOException {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (LineTooLongException e) {
                member.heard();
                member.send("! line too long (over " + e.limit() + " bytes); not sent");
                continue;
            }
            if (line == null) {
                return;
            }
            member.heard(); // any line, a blank one too, shows the user is there
            if (line.isBlank()) {
                continue;
            }
            if (!flood.tryAcquire()) {
                if (flood.persistent()) {
                    member.send("! flooding: disconnected");
                    log.info(member.name() + " disconnected: flooding (" + flood.droppedInARow() + " lines over the limit in a row)");
                    return;
                }
                if (flood.droppedInARow() == 1) {
                    member.send("! too fast: at most " + settings.floodPerSecond() + " lines a second; lines are dropped until you slow down");
                }
                continue;
            }
            if (!execute(ChatCommand.parse(TextSanitizer.clean(line), settings.historyShown(), settings.historyKept()))) {
                return;
            }
        }
    }

    /** Does what the command says; false when the user leaves. */
    private boolean execute(ChatCommand command) {
        if (command instanceof Say say) {
            room.say(member, say.text());
        } else if (command instanceof Private message) {
            if (room.tell(member, message.recipient(), message.text())) {
                member.send("* sent privately to " + message.recipient());
            } else {
                member.send("! nobody called " + message.recipient() + " is online");
            }
        } else if (command instanceof Who) {
            member.send("* " + room.whoLine());
        } else if (command instanceof ShowHistory history) {
            member.send(Outgoing.lines(room.historyLines(history.count())));
        } else if (command instanceof Help) {
            member.send(HELP);
        } else if (command instanceof Invalid invalid) {
            member.send("! " + invalid.message());
        } else if (command instanceof Unknown unknown) {
            member.send("! unknown command " + unknown.name() + "; /help lists the commands");
        } else if (command instanceof Quit) {
            member.send("* bye, " + member.name());
            return false;
        }
        return true;
    }
}
