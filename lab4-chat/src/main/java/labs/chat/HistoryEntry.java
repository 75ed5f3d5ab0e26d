package labs.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One message in the history: when the server accepted it, who sent it, what it said.
 *
 * <p>In the history file it is one line, three fields separated by tabs:
 * <pre>
 * 2026-11-27T13:40:01.234Z	alice	hello, all
 * </pre>
 * A backslash, tab, line feed or carriage return inside a field is written {@code \\},
 * {@code \t}, {@code \n}, {@code \r}, so a field can never break the line or the columns.
 * (Text that reaches the history is already sanitized; the escaping keeps the file format sound
 * whatever a later version lets through.)
 *
 * <p>Immutable.
 */
public record HistoryEntry(Instant time, String sender, String text) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** The line written to the history file, without its line feed. */
    public String toFileLine() {
        return time + "\t" + escape(sender) + "\t" + escape(text);
    }

    /** Reads a line written by {@link #toFileLine()}; anything else is an IllegalArgumentException. */
    public static HistoryEntry parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected 3 tab-separated fields, found " + fields.length);
        }
        try {
            return new HistoryEntry(Instant.parse(fields[0]), unescape(fields[1]), unescape(fields[2]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time '" + fields[0] + "'", e);
        }
    }

    /** How a user sees it: {@code * 13:40 <alice> hello, all}, the time in the server's zone. */
    public String display(ZoneId zone) {
        return "* " + CLOCK.format(time.atZone(zone)) + " <" + sender + "> " + text;
    }

    static String escape(String field) {
        if (!needsEscaping(field)) {
            return field; // the usual case: no copy
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw new IllegalArgumentException("a backslash ends the field");
            }
            switch (field.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + field.charAt(i));
            }
        }
        return out.toString();
    }
}
