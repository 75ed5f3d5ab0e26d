package labs.chat;

/**
 * Makes a user's text safe to show on other users' terminals. Each of these becomes {@code ?}
 * (a tab becomes a space); everything else, Cyrillic and emoji included, passes unchanged:
 * <ul>
 *   <li>Control characters (ESC, BEL, NUL, DEL, the C1 range...) would let one user drive
 *       another's terminal: clear the screen, move the cursor, retitle the window, beep.</li>
 *   <li>U+2028 and U+2029 (line and paragraph separators) break a line in some clients: one
 *       message could show as two, the second faking a server notice.</li>
 *   <li>Format characters (Unicode category Cf): bidirectional overrides (U+202E...) show text
 *       reversed, e.g. to disguise a link; zero-width ones (U+200B-U+200D, U+2060, U+FEFF) hide
 *       inside words so that two texts look alike and differ; tag characters (U+E0000-U+E007F)
 *       carry invisible text. A {@code ?} makes each visible. (A zero-width joiner inside an
 *       emoji sequence is lost with them: the emoji shows as its parts.)</li>
 * </ul>
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
        return Character.isISOControl(codePoint)                     // C0, DEL, C1
                || codePoint == 0x2028 || codePoint == 0x2029        // line and paragraph separators
                || Character.getType(codePoint) == Character.FORMAT  // Cf: bidi controls, zero-width, tags...
                || (codePoint >= 0xE0000 && codePoint <= 0xE007F);   // the whole tag block, its unassigned points too
    }
}
