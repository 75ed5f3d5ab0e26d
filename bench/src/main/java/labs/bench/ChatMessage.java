package labs.bench;

/**
 * A chat message of the load, as text: {@code "m <sender> <n> <sentNanos> <check>"}. The check
 * is computed from the other three fields, so a line that was cut, merged or altered on its way
 * does not parse.
 *
 * @param sender    index of the sending user among the senders
 * @param number    the sender's message counter, from 0
 * @param sentNanos System.nanoTime() when the sender wrote it (same process as the receiver)
 */
record ChatMessage(int sender, long number, long sentNanos) {

    String text() {
        return "m " + sender + " " + number + " " + sentNanos + " " + check(sender, number, sentNanos);
    }

    /** The message in {@code text}, or null when it is not exactly one well-formed message. */
    static ChatMessage parse(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 5 || !parts[0].equals("m")) {
            return null;
        }
        try {
            ChatMessage m = new ChatMessage(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            return parts[4].equals(check(m.sender, m.number, m.sentNanos)) && m.sender >= 0 && m.number >= 0 ? m : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String check(int sender, long number, long sentNanos) {
        long h = sender * 0x9E3779B97F4A7C15L ^ number * 0xC2B2AE3D27D4EB4FL ^ sentNanos;
        return Long.toString(h ^ (h >>> 29), 36);
    }
}
