package labs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Filling the report's templates: placeholders, sections, and every mistake caught rather than printed. */
class TemplateTest {

    @Test
    void placeholdersAreReplacedAndSectionsKeptOrDropped() {
        Template t = new Template("t", "# {{title}}\n\n{{#shown}}\nkept {{n}}\n{{/shown}}\n{{#hidden}}\ndropped\n{{/hidden}}\nend\n");

        String text = t.fill(Map.of("title", "Report", "shown", true, "n", 3, "hidden", false));

        assertThat(text).isEqualTo("# Report\n\nkept 3\nend\n");
    }

    @Test
    void sectionsCanStandInsideALine() {
        Template t = new Template("t", "at {{#max}}the highest rate{{/max}}{{#paced}}{{rate}}/s{{/paced}}, done");

        assertThat(t.fill(Map.of("max", false, "paced", true, "rate", 100))).isEqualTo("at 100/s, done");
        assertThat(t.fill(Map.of("max", true, "paced", false, "rate", 100))).isEqualTo("at the highest rate, done");
    }

    @Test
    void wholeNumbersAreGroupedAsEachLanguageWritesThem() {
        assertThat(new Template("t", "{{n}} {{x}}", false).fill(Map.of("n", 216_000L, "x", "0.25"))).isEqualTo("216,000 0.25");
        assertThat(new Template("t", "{{n}} {{x}}", true).fill(Map.of("n", 216_000L, "x", "0.25"))).isEqualTo("216\u00A0000 0.25");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        Template t = new Template("t", "{{a}} and {{b}}");

        assertThatThrownBy(() -> t.fill(Map.of("a", 1))).hasMessageContaining("{{b}}");
    }

    @Test
    void aValueTheTextDoesNotUseIsAnError() {
        Template t = new Template("t", "{{a}}");

        assertThatThrownBy(() -> t.fill(Map.of("a", 1, "typo", 2))).hasMessageContaining("typo");
    }

    @Test
    void aSectionNeedsTrueOrFalse() {
        Template t = new Template("t", "{{#s}}x{{/s}}");

        assertThatThrownBy(() -> t.fill(Map.of())).hasMessageContaining("section s");
    }

    @Test
    void aMalformedPlaceholderIsNotLeftOnThePage() {
        Template t = new Template("t", "fine {{a}}, broken {{ b }}");

        assertThatThrownBy(() -> t.fill(Map.of("a", 1))).hasMessageContaining("malformed");
    }

    @Test
    void bracesInAValueAreTheValuesBusiness() {
        assertThat(new Template("t", "{{a}}").fill(Map.of("a", "{{not a placeholder}}"))).isEqualTo("{{not a placeholder}}");
    }

    @Test
    void aBlockIsATemplateOfItsOwn() {
        Template causes = new Template("c", "intro\n{{#one}}\nfirst {{x}}\n{{/one}}\n{{#two}}\nsecond\n{{/two}}\n");

        assertThat(causes.block("one").fill(Map.of("x", "cause"))).isEqualTo("first cause");
        assertThatThrownBy(() -> causes.block("three")).hasMessageContaining("three");
    }

    @Test
    void bothLanguagesOfThePageUseTheSamePlaceholdersAndSections() {
        assertThat(Template.load("benchmarks", true).names()).isEqualTo(Template.load("benchmarks", false).names());
    }

    @Test
    void bothLanguagesHaveTheSameCausesWithTheSamePlaceholders() throws IOException {
        Template en = Template.load("causes", false);
        Template ru = Template.load("causes", true);
        Set<String> blocks = blocks(false);

        assertThat(blocks(true)).isEqualTo(blocks);
        assertThat(blocks).contains("echo-throughput", "chat-p99", "chat-cpu", "chat-loss", "chat-throughput");
        for (String block : blocks) {
            assertThat(ru.block(block).names()).as(block).isEqualTo(en.block(block).names());
        }
    }

    @Test
    void everyCauseATargetNamesExists() throws IOException {
        Set<String> blocks = blocks(false);
        for (Target t : Target.check(ReportTest.results())) {
            if (!t.cause().isEmpty()) {
                assertThat(blocks).as(t.goal()[0]).contains(t.cause());
            }
        }
    }

    /** The blocks of a causes file: the sections whose tags stand on lines of their own at the top level. */
    private static Set<String> blocks(boolean ru) throws IOException {
        String file = ru ? "/report/causes.ru.md" : "/report/causes.en.md";
        String text;
        try (InputStream in = TemplateTest.class.getResourceAsStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> blocks = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\{\\{#([a-z0-9-]+)}}$\\n(?s:.*?)^\\{\\{/\\1}}$").matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
