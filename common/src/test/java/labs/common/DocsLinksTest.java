package labs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the docs honest: every relative link in the repository's Markdown must name a file that
 * exists, and a {@code #L12} or {@code #L12-L20} anchor must stay inside that file. Docs point
 * students at the exact lines that show a lesson; when code moves, this test says which link to fix.
 *
 * <p>Scanned: {@code ../README.md}, {@code ../docs/*.md}, {@code ../*}{@code /README.md} (the working
 * directory of this module's tests is {@code common/}). External links ({@code http:},
 * {@code https:}, {@code mailto:}) and in-page anchors ({@code #section}) are not checked, nor is
 * anything inside fenced code blocks or inline code, where brackets are code, not links.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** {@code [text](target)} or {@code ![alt](target "title")}; the target may be in angle brackets. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target}, a reference-style link definition. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern LINE_ANCHOR = Pattern.compile("L(\\d+)(?:-L(\\d+))?");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkPointsAtAnExistingFileAndLine() throws IOException {
        List<Path> docs = markdownFiles();
        assertThat(docs).as("Markdown files under " + ROOT).isNotEmpty();

        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            broken.addAll(brokenLinks(doc));
        }

        assertThat(broken).as("broken links (file:line: target: why)").isEmpty();
    }

    @Test
    void theCheckerItselfCatchesAMissingFileAndALineAnchorPastTheEnd(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("code.txt"), "one\ntwo\nthree\n");
        Path doc = folder.resolve("doc.md");
        Files.writeString(doc, String.join("\n",
                "[fine](code.txt#L2-L3) [web](https://example.org/x) [here](#top) [ref]",
                "[missing](nothing.txt) [too far](code.txt#L4) [backwards](code.txt#L3-L2)",
                "`[not a link](nowhere.txt)`",
                "```",
                "[in a code block](nowhere.txt)",
                "```",
                "[ref]: code.txt#L1"));

        List<String> broken = brokenLinks(doc);

        assertThat(broken).hasSize(3);
        assertThat(broken.get(0)).contains("nothing.txt").contains("no such file");
        assertThat(broken.get(1)).contains("code.txt#L4").contains("has 3 lines");
        assertThat(broken.get(2)).contains("code.txt#L3-L2").contains("ends before it starts");
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        addIfFile(files, ROOT.resolve("README.md"));
        try (Stream<Path> children = Files.list(ROOT)) {
            children.filter(Files::isDirectory).sorted().forEach(dir -> addIfFile(files, dir.resolve("README.md")));
        }
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> inDocs = Files.list(docs)) {
                inDocs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static void addIfFile(List<Path> files, Path path) {
        if (Files.isRegularFile(path)) {
            files.add(path);
        }
    }

    private static List<String> brokenLinks(Path doc) throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            String text = INLINE_CODE.matcher(line).replaceAll("");
            List<String> targets = new ArrayList<>();
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                targets.add(inline.group(1));
            }
            Matcher reference = REFERENCE_LINK.matcher(text);
            if (reference.find()) {
                targets.add(reference.group(1));
            }
            for (String target : targets) {
                String problem = problemWith(doc, unbracket(target));
                if (problem != null) {
                    broken.add(ROOT.relativize(doc.toAbsolutePath().normalize()) + ":" + (i + 1) + ": " + target + ": " + problem);
                }
            }
        }
        return broken;
    }

    private static String unbracket(String target) {
        return target.startsWith("<") && target.endsWith(">") ? target.substring(1, target.length() - 1) : target;
    }

    /** Null when the link is fine or not ours to check; otherwise why it is broken. */
    private static String problemWith(Path doc, String target) {
        String lower = target.toLowerCase();
        if (target.isEmpty() || target.startsWith("#") || lower.startsWith("http://") || lower.startsWith("https://")
                || lower.startsWith("mailto:")) {
            return null;
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Path linked = doc.toAbsolutePath().getParent().resolve(URLDecoder.decode(pathPart, StandardCharsets.UTF_8)).normalize();
        if (!Files.exists(linked)) {
            return "no such file";
        }
        Matcher anchor = LINE_ANCHOR.matcher(fragment);
        if (!anchor.matches()) {
            return null;
        }
        if (!Files.isRegularFile(linked)) {
            return "a line anchor on a folder";
        }
        long length = lineCount(linked);
        long first = Long.parseLong(anchor.group(1));
        long last = anchor.group(2) == null ? first : Long.parseLong(anchor.group(2));
        if (first < 1) {
            return "lines are numbered from 1";
        }
        if (last < first) {
            return "the range ends before it starts";
        }
        if (last > length) {
            return "points at line " + last + " but the file has " + length + " lines";
        }
        return null;
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // not UTF-8 text: no line of it can be linked
        }
    }
}
