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
 * <p>Two more checks keep a line link true when the code under it moves:
 * <ul>
 *   <li>A label that names lines ({@code [L12-L20](File.java#L12-L20)},
 *       {@code [File.java#L12](File.java#L12)}) must name the same lines as the anchor.</li>
 *   <li>The convention for what a line link shows: each code word in backticks in its label
 *       names an identifier that must appear in the linked lines. For a qualified name only its
 *       last part is looked for ({@code `TcpServer.stop`} needs {@code stop} in the range,
 *       {@code `worker.start()`} needs {@code start}); several words ({@code `stop`/`awaitTermination`})
 *       must all appear. Exempt: a word naming a file ({@code `Foo.java#L3`}), which the rule above
 *       checks, and a bare class name linked into its own file ({@code [`TcpServer`](TcpServer.java#L57-L60)}:
 *       "this class, at these lines"); name the member to have the range checked. So {@code [`EventLog.write`](EventLog.java#L122-L145)} fails as soon as
 *       {@code write} no longer lies in lines 122-145.</li>
 * </ul>
 *
 * <p>Scanned: {@code ../README.md}, {@code ../docs/*.md}, {@code ../*}{@code /README.md} (the working
 * directory of this module's tests is {@code common/}). External links ({@code http:},
 * {@code https:}, {@code mailto:}) and in-page anchors ({@code #section}) are not checked, nor is
 * anything inside fenced code blocks or inline code, where brackets are code, not links.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** {@code [text](target)} or {@code ![alt](target "title")}; the target may be in angle brackets. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target}, a reference-style link definition. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern LINE_ANCHOR = Pattern.compile("L(\\d+)(?:-L(\\d+))?");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]*)`");
    /** Lines named in a label: {@code L12}, {@code L12-L20}, {@code #L12-L20}. */
    private static final Pattern LABEL_LINES = Pattern.compile("(?<![\\w])L(\\d+)(?:-L(\\d+))?\\b");

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

    @Test
    void theCheckerCatchesALabelWithOtherLinesAndACodeWordMissingFromTheRange(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("Code.java"), String.join("\n",
                "class Code {",
                "    void stop() {",
                "        worker.start();",
                "    }",
                "    void awaitTermination() {}",
                "}", ""));
        Path doc = folder.resolve("doc.md");
        Files.writeString(doc, String.join("\n",
                "[`Code.stop`](Code.java#L2-L4) [`worker.start()`](Code.java#L3) [`stop`/`awaitTermination`](Code.java#L2-L5)",
                "[L2-L4](Code.java#L2-L4) [`Code.java#L5`](Code.java#L5) [plain words](Code.java#L1) [`stop`](Code.java)",
                "[L1-L3](Code.java#L2-L4) [`Code.java#L4`](Code.java#L5)",
                "[`Code.stop`](Code.java#L4-L5) [`stop`/`awaitTermination`](Code.java#L2-L4)",
                "`[`nothing`](Code.java#L1)`"));

        List<String> broken = brokenLinks(doc);

        assertThat(broken).hasSize(4);
        assertThat(broken.get(0)).contains("doc.md:3:").contains("Code.java#L2-L4").contains("the label names L1-L3 but the link goes to L2-L4");
        assertThat(broken.get(1)).contains("doc.md:3:").contains("the label names L4 but the link goes to L5");
        assertThat(broken.get(2)).contains("doc.md:4:").contains("`Code.stop` is not in lines 4-5 (looked for stop)");
        assertThat(broken.get(3)).contains("doc.md:4:").contains("`awaitTermination` is not in lines 2-4");
    }

    @Test
    void aCodeWordNamesTheLastPartOfAQualifiedName() {
        assertThat(identifierIn("TcpServer.Listener.run")).isEqualTo("run");
        assertThat(identifierIn("worker.start()")).isEqualTo("start");
        assertThat(identifierIn("BACKLOG")).isEqualTo("BACKLOG");
        assertThat(identifierIn("ThreadPerClientServer.java#L47")).isNull();
        assertThat(identifierIn("()")).isNull();
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
            List<int[]> codeSpans = new ArrayList<>();
            Matcher code = INLINE_CODE.matcher(line);
            while (code.find()) {
                codeSpans.add(new int[] {code.start(), code.end()});
            }
            String where = ROOT.relativize(doc.toAbsolutePath().normalize()) + ":" + (i + 1) + ": ";
            Matcher inline = INLINE_LINK.matcher(line);
            while (inline.find()) {
                if (!inside(codeSpans, inline.start())) {
                    String target = inline.group(2);
                    String problem = problemWith(doc, unbracket(target));
                    if (problem == null) {
                        problem = labelProblem(doc, inline.group(1), unbracket(target));
                    }
                    if (problem != null) {
                        broken.add(where + target + ": " + problem);
                    }
                }
            }
            Matcher reference = REFERENCE_LINK.matcher(line);
            if (reference.find() && !inside(codeSpans, reference.start(1))) {
                String problem = problemWith(doc, unbracket(reference.group(1)));
                if (problem != null) {
                    broken.add(where + reference.group(1) + ": " + problem);
                }
            }
        }
        return broken;
    }

    private static boolean inside(List<int[]> spans, int position) {
        return spans.stream().anyMatch(span -> span[0] <= position && position < span[1]);
    }

    /**
     * Null when a line link's label agrees with its range (see the class comment); otherwise why
     * not. Only links with a line anchor to an existing file get here.
     */
    private static String labelProblem(Path doc, String label, String target) {
        int hash = target.indexOf('#');
        Matcher anchor = hash < 0 ? null : LINE_ANCHOR.matcher(target.substring(hash + 1));
        if (anchor == null || !anchor.matches()) {
            return null;
        }
        int first = Integer.parseInt(anchor.group(1));
        int last = anchor.group(2) == null ? first : Integer.parseInt(anchor.group(2));
        Matcher named = LABEL_LINES.matcher(label);
        if (named.find()) {
            int namedFirst = Integer.parseInt(named.group(1));
            int namedLast = named.group(2) == null ? namedFirst : Integer.parseInt(named.group(2));
            if (namedFirst != first || namedLast != last) {
                return "the label names " + named.group() + " but the link goes to L" + first + (last == first ? "" : "-L" + last);
            }
        }
        Path linked = doc.toAbsolutePath().getParent().resolve(URLDecoder.decode(target.substring(0, hash), StandardCharsets.UTF_8)).normalize();
        String range = linesOf(linked, first, last);
        Matcher code = INLINE_CODE.matcher(label);
        while (code.find()) {
            for (String word : code.group(1).split("/")) {
                String identifier = identifierIn(word);
                boolean namesTheLinkedFile = identifier != null && identifier.equals(word.trim())
                        && linked.getFileName().toString().equals(identifier + ".java");
                if (identifier != null && !namesTheLinkedFile && !range.contains(identifier)) {
                    return "the label's `" + word + "` is not in lines " + first + "-" + last + " (looked for " + identifier + ")";
                }
            }
        }
        return null;
    }

    /** The part of a code word that the range must contain, or null for a file name or nothing. */
    static String identifierIn(String word) {
        String name = word.trim();
        if (name.contains(".java") || name.contains("#L")) {
            return null;
        }
        int parenthesis = name.indexOf('(');
        if (parenthesis >= 0) {
            name = name.substring(0, parenthesis);
        }
        String[] parts = name.split("\\.");
        String last = parts.length == 0 ? "" : parts[parts.length - 1].trim();
        return last.isEmpty() ? null : last;
    }

    private static String linesOf(Path file, int first, int last) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return String.join("\n", lines.skip(first - 1L).limit(last - first + 1L).toList());
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
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
