package labs.auth;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for user names: trimmed, 1 to 32 characters, each a letter or digit, {@code _} or
 * {@code -}, all letters of one script. Text is put in Unicode NFC first, so "й" typed as one
 * character or as "и" plus a combining breve is the same name. Stateless.
 * <ul>
 *   <li>Names are compared by a key: NFKC, then case folded. So "Алиса" and "алиса", "alice"
 *       and a full-width "ａｌｉｃｅ", "Straße" and "STRASSE" are one user.</li>
 *   <li>Invisible characters are refused: format characters (Unicode category Cf, such as
 *       U+200B zero width space) and every other default-ignorable code point, the Hangul fillers
 *       U+3164, U+115F, U+1160, U+FFA0 among them. They are letters to {@link Character}, display
 *       as nothing, and let a name look like another one, or like no name at all.</li>
 *   <li>One script per name (Unicode's Common and Inherited, such as ASCII digits, go with any;
 *       Han goes with kana or Hangul, as Japanese and Korean write): "аlice" with a Cyrillic "а"
 *       is refused, where it would pass for "alice". This is UTS #39's "highly restrictive" level.</li>
 * </ul>
 * Names in an existing identification file are read by the rules they were registered under
 * ({@link #validateExisting}), so a file written before these rules still loads.
 */
public final class UserNames {
    public static final int MAX_LENGTH = 32;

    /** Script sets that one name may mix (UTS #39, section 5.1). */
    private static final List<Set<Character.UnicodeScript>> MIXES_ALLOWED = List.of(
            EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL),
            EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO));

    /** Default_Ignorable_Code_Point ranges, from Unicode 15.1's DerivedCoreProperties.txt. */
    private static final int[][] DEFAULT_IGNORABLE = {
            {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
            {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
            {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
            {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

    private UserNames() {
    }

    /** A new name as it will be registered, or an {@link IllegalArgumentException} whose message says what is wrong. */
    public static String validate(String raw) {
        String name = validateExisting(raw);
        name.codePoints().filter(UserNames::invisible).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException("a name may not hold invisible characters, not " + String.format("U+%04X", c));
        });
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        name.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(script -> script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED)
                .forEach(scripts::add);
        if (scripts.size() > 1 && MIXES_ALLOWED.stream().noneMatch(mix -> mix.containsAll(scripts))) {
            throw new IllegalArgumentException("a name is written in one script, not in " + scripts.stream()
                    .map(script -> script.name().toLowerCase(Locale.ROOT)).sorted().toList());
        }
        return name;
    }

    /**
     * A name by the rules before invisible characters and mixed scripts were refused: how names
     * in an existing identification file are read, so that such a file stays readable.
     */
    public static String validateExisting(String raw) {
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
                    + (Character.isISOControl(c) || Character.isWhitespace(c) || invisible(c) ? String.format("U+%04X", c)
                    : Character.toString(c)) + "'");
        });
        return name;
    }

    /** The form two names are compared in: equal keys mean the same user. */
    public static String key(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // Upper then lower case folds what lower case alone misses ("ß" → "SS" → "ss"); NFKC again, as case mapping may undo it.
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    private static boolean allowed(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean invisible(int c) {
        if (Character.getType(c) == Character.FORMAT) {
            return true;
        }
        for (int[] range : DEFAULT_IGNORABLE) {
            if (c >= range[0] && c <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
