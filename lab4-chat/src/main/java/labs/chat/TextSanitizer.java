package labs.chat;

/**
 * Makes a user's text safe to show on other users' terminals. Control characters (ESC, BEL,
 * NUL, DEL, the C1 range...) would let one user drive another's terminal: clear the screen,
 * move the cursor, retitle the window, beep. Bidirectional overrides (U+202E...) would let one
 * user show text reversed, e.g. to disguise a link. Each becomes {@code ?}; a tab becomes a space.
 * Everything else, Cyrillic and emoji included, passes unchanged.
 *
 * <p>Thread safety: stateless.
 */
final class TextSanitizer {
    static final char REPLACEMENT = '?';

    private TextSanitizer() {
    }

    static String clean(String text) {
        StringBuilder result = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            char replacement = codePoint == '\t' ? ' ' : isUnsafe(codePoint) ? REPLACEMENT : 0;
            if (replacement != 0 && result == null) {
                result = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (result != null) {
                if (replacement != 0) {
                    result.append(replacement);
                } else {
                    result.appendCodePoint(codePoint);
                }
            }
            i += width;
        }
        return result == null ? text : result.toString();
    }

    private static boolean isUnsafe(int codePoint) {
        return Character.isISOControl(codePoint)                // C0, DEL, C1
                || codePoint == 0x061C                          // Arabic letter mark
                || codePoint == 0x200E || codePoint == 0x200F   // left-to-right and right-to-left marks
                || (codePoint >= 0x202A && codePoint <= 0x202E) // embeddings and overrides
                || (codePoint >= 0x2066 && codePoint <= 0x2069); // isolates
    }
}
