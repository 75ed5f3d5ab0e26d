package labs.chat;

import java.util.Locale;

/**
 * What one line from a user means. The grammar:
 * <pre>
 *   line    = "/who" | "/history" [n] | "/msg" name text | "/quit" | "/help"
 *           | "//" text      (a message that starts with "/")
 *           | text           (a message to everybody; must not start with "/")
 * </pre>
 * Words are separated by spaces; command names are case-insensitive. Parsing is pure: this
 * class neither sends nor reads, so every case is tested without a socket.
 */
public sealed interface ChatCommand {
    /** A message to everybody. */
    record Say(String text) implements ChatCommand { }

    record Who() implements ChatCommand { }

    record ShowHistory(int count) implements ChatCommand { }

    record Private(String recipient, String text) implements ChatCommand { }

    record Quit() implements ChatCommand { }

    record Help() implements ChatCommand { }

    /** A command used wrongly; {@code message} says how to use it. */
    record Invalid(String message) implements ChatCommand { }

    record Unknown(String name) implements ChatCommand { }

    /**
     * @param line           a line the user sent, not blank
     * @param historyDefault what {@code /history} alone shows
     * @param historyMax     the most {@code /history n} may ask for
     */
    static ChatCommand parse(String line, int historyDefault, int historyMax) {
        if (line.startsWith("//")) {
            return new Say(line.substring(1));
        }
        if (!line.startsWith("/")) {
            return new Say(line);
        }
        String[] words = line.trim().split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].trim() : "";
        switch (name) {
            case "/who":
                return new Who();
            case "/help":
                return new Help();
            case "/quit":
                return new Quit();
            case "/history":
                return history(rest, historyDefault, historyMax);
            case "/msg":
                String[] parts = rest.split("\\s+", 2);
                if (parts.length < 2 || parts[1].isBlank()) {
                    return new Invalid("usage: /msg <name> <text>");
                }
                return new Private(parts[0], parts[1]);
            default:
                return new Unknown(words[0]);
        }
    }

    private static ChatCommand history(String argument, int historyDefault, int historyMax) {
        if (argument.isEmpty()) {
            return new ShowHistory(historyDefault);
        }
        String usage = "usage: /history [n], n from 1 to " + historyMax;
        try {
            int count = Integer.parseInt(argument);
            return count >= 1 && count <= historyMax ? new ShowHistory(count) : new Invalid(usage);
        } catch (NumberFormatException e) {
            return new Invalid(usage);
        }
    }
}
