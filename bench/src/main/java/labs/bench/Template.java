package labs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown template of the report, {@code /report/NAME.en.md} or {@code .ru.md} on the
 * classpath: the prose, with {@code {{name}}} placeholders for tables, charts and numbers, and
 * {@code {{#name}}…{{/name}}} sections that are kept or dropped whole. Filling is strict, so the
 * two languages cannot drift apart unnoticed: a placeholder without a value, a value or section
 * the text does not use, and anything left in braces are errors. Immutable.
 */
final class Template {
    private static final Pattern SECTION = Pattern.compile("\\{\\{#([a-z0-9-]+)}}\\n?(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\{\\{[#/]?([a-z0-9-]+)}}");

    private final String name;
    private final String text;
    private final boolean ru;

    Template(String name, String text) {
        this(name, text, false);
    }

    /** @param ru whether whole numbers among the values are written the Russian way, 44 498 rather than 44,498 */
    Template(String name, String text, boolean ru) {
        this.name = name;
        this.text = text;
        this.ru = ru;
    }

    /** {@code report/NAME.ru.md} or {@code report/NAME.en.md}. */
    static Template load(String name, boolean ru) {
        String file = "/report/" + name + (ru ? ".ru.md" : ".en.md");
        try (InputStream in = Template.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no template " + file + " beside " + Template.class.getName());
            }
            return new Template(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), ru);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of section {@code {{#block}}…{{/block}}}, as a template of its own: one cause of a file of causes. */
    Template block(String block) {
        Matcher m = SECTION.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(block)) {
                return new Template(name + "#" + block, m.group(2).strip(), ru);
            }
        }
        throw new IllegalArgumentException(name + " has no block " + block);
    }

    /** The names this template uses, as placeholders or sections. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The text with every section whose value is {@code true} kept (without its tags), every one
     * whose value is {@code false} dropped, and every placeholder replaced by its value's text.
     */
    String fill(Map<String, ?> values) {
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        unused.removeAll(names());
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(name + " does not use " + unused);
        }
        String result = text;
        for (Matcher m = SECTION.matcher(result); m.find(); m = SECTION.matcher(result)) {
            Object shown = values.get(m.group(1));
            if (!(shown instanceof Boolean)) {
                throw new IllegalArgumentException(name + ": section " + m.group(1) + " needs true or false, not " + shown);
            }
            int closing = m.start(2) + m.group(2).length();
            int end = m.end();
            if (end < result.length() && result.charAt(end) == '\n' && result.charAt(closing - 1) == '\n') {
                end++; // a closing tag on a line of its own takes that line's break along: no blank line is left behind
            }
            result = result.substring(0, m.start()) + ((Boolean) shown ? m.group(2) : "") + result.substring(end);
        }
        StringBuilder filled = new StringBuilder();
        Matcher m = NAME.matcher(result);
        int last = 0;
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null || value instanceof Boolean || m.group().startsWith("{{#") || m.group().startsWith("{{/")) {
                throw new IllegalArgumentException(name + ": no value for " + m.group());
            }
            filled.append(prose(result.substring(last, m.start()))).append(text(value));
            last = m.end();
        }
        filled.append(prose(result.substring(last)));
        return filled.toString();
    }

    /** A whole number with its thousands grouped (a comma in English, a no-break space in Russian); anything else as it is. */
    private String text(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            String grouped = String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
            return ru ? grouped.replace(',', '\u00A0') : grouped;
        }
        return value.toString();
    }

    /** A piece of the template's own text between placeholders: braces left there are a mistyped placeholder. */
    private String prose(String piece) {
        if (piece.contains("{{") || piece.contains("}}")) {
            throw new IllegalArgumentException(name + ": a malformed placeholder near '"
                    + piece.substring(Math.max(0, piece.indexOf(piece.contains("{{") ? "{{" : "}}") - 20)).lines().findFirst().orElse("") + "'");
        }
        return piece;
    }
}
