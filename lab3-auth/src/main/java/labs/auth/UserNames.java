package labs.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for user names: trimmed, 1 to 32 characters, each a letter or digit of any script,
 * {@code _} or {@code -}. Names are compared case-insensitively: "Алиса" and "алиса" are one user.
 * Text is put in Unicode NFC first, so "й" typed as one character or as "и" plus a combining
 * breve is the same name. Stateless.
 */
public final class UserNames {
    public static final int MAX_LENGTH = 32;

    private UserNames() {
    }

    /** The name as it will be registered, or an {@link IllegalArgumentException} whose message says what is wrong. */
    public static String validate(String raw) {
        String name = Normalizer.normalize(raw.trim(), Normalizer.Form.NFC);
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            throw new IllegalArgumentException("a name cannot be empty");
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a name has at most " + MAX_LENGTH + " characters, not " + length);
        }
        name.codePoints().filter(c -> !allowed(c)).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException("a name may hold letters, digits, _ and - only, not '"
                    + (Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("U+%04X", c) : Character.toString(c)) + "'");
        });
        return name;
    }

    /** The form two names are compared in: equal keys mean the same user. */
    public static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean allowed(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
