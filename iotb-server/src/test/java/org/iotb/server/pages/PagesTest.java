package org.iotb.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The pages' pieces that need no server: the editor's questions and the YAML it saves, the chart, the framed policy. */
class PagesTest {
    static final Path EXAMPLE = Path.of("..", "examples", "smart-lock");
    static final Catalog CATALOG = Catalog.load();

    @Test
    void theEditorAsksTheQuestionsOfDeclarationsInitAndKeepsTheExampleAnswers() throws Exception {
        var profile = ProfileLoader.load(EXAMPLE.resolve("profile.yaml"), CATALOG);
        Declarations current = DeclarationsLoader.load(EXAMPLE.resolve("declarations.yaml"), CATALOG);
        List<DeclarationQuestions.Question> qs = DeclarationQuestions.of(CATALOG, profile, current, null);
        // the template `iotb declarations init` writes asks the same requirements, in the same order
        String template = org.iotb.catalog.declarations.DeclarationsTemplate.render(CATALOG, profile);
        List<String> asked = template.lines().filter(l -> l.matches("  \"[^\"]+\":")).map(l -> l.substring(3, l.length() - 2)).toList();
        assertThat(qs).extracting(DeclarationQuestions.Question::requirementId).containsExactlyElementsOf(asked);
        DeclarationQuestions.Question q = qs.stream().filter(x -> x.key().equals("etsi-en-303-645:5.2-3")).findFirst().orElseThrow();
        assertThat(q.support()).isEqualTo("N");
        assertThat(q.detail()).isEqualTo("No continuous SBOM monitoring yet");
        assertThat(q.alsoAnswers()).isNotEmpty(); // its MTSFB twin is answered by it, not asked again
        assertThat(qs).noneMatch(x -> q.alsoAnswers().contains(x.standardTitle() + " " + x.requirementId()));
    }

    @Test
    void savedAnswersReadBackWithTheLoaderAndAnswersTheFormDidNotAskStay() throws Exception {
        Declarations before = DeclarationsLoader.load(EXAMPLE.resolve("declarations.yaml"), CATALOG);
        String yaml = DeclarationsYaml.write(before, List.of(
                new DeclarationsYaml.Answer("etsi-en-303-645", "5.2-3", "Y", "SBOM monitored: \"daily\"\nwith a feed", List.of("docs/sbom.md")),
                new DeclarationsYaml.Answer("etsi-en-303-645", "5.3-1", "", null, List.of()),
                new DeclarationsYaml.Answer("etsi-en-303-645", "5.1-1", "N/A", "", List.of())),
                CATALOG.standards().stream().map(Standard::id).toList());
        Declarations after = DeclarationsLoader.parse(yaml, "saved", CATALOG);
        var changed = after.get("etsi-en-303-645:5.2-3").orElseThrow();
        assertThat(changed.support()).isEqualTo(Support.Y);
        assertThat(changed.detail()).isEqualTo("SBOM monitored: \"daily\"\nwith a feed");
        assertThat(changed.evidence()).containsExactly("docs/sbom.md");
        assertThat(after.get("etsi-en-303-645:5.3-1")).as("cleared in the form").isEmpty();
        assertThat(after.get("etsi-en-303-645:5.1-1").orElseThrow().support()).isEqualTo(Support.NA);
        assertThat(after.get("xiaomi-iot-baseline:1.1.1").orElseThrow().detail()).isEqualTo("UART disabled by eFuse in production");
        assertThat(DeclarationsChanges.between(Files.readString(EXAMPLE.resolve("declarations.yaml"), StandardCharsets.UTF_8), yaml, CATALOG))
                .contains("etsi-en-303-645:5.2-3 N → Y").contains("etsi-en-303-645:5.3-1 Y → –").contains("etsi-en-303-645:5.1-1 Y → N/A");
    }

    @Test
    void theTrendDrawsALinePerStandardAndSaysItInWords() {
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("etsi-en-303-645", 17);
        first.put("mtsfb-tc-g044", 17);
        Map<String, Integer> second = Map.of("etsi-en-303-645", 10, "mtsfb-tc-g044", 9);
        String svg = TrendChart.svg(List.of(new TrendChart.Point("1.4.2", first), new TrendChart.Point("1.4.3<b>", null),
                new TrendChart.Point("1.5.0", second)), StandardNames.catalog());
        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("1.4.3&lt;b&gt;").doesNotContain("<b>");
        assertThat(svg.split("<path ", -1)).hasSize(3); // two standards with data, no line for the third
        assertThat(svg).contains("EN 303 645, 1.5.0: 10 failed mandatory").contains("1.4.3&lt;b&gt;: not assessed");
        assertThat(TrendChart.svg(List.of(), StandardNames.catalog())).isEmpty();
    }

    @Test
    void aFramedReportMayRunExactlyItsOwnScripts() throws Exception {
        String script = "document.title = 'x';";
        String html = "<html><head><style>p{}</style></head><body><script>" + script + "</script></body></html>";
        String policy = FramedDocument.policy(html);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("script-src 'sha256-" + hash + "'").contains("default-src 'none'").contains("frame-ancestors 'self'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'unsafe-inline'");
        assertThat(FramedDocument.policy("<p>no script</p>")).contains("script-src 'none'");
    }

    @Test
    void anUploadKeepsOnlyTheFilesOwnName() {
        assertThat(ProductPages.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ProductPages.baseName("C:\\fw\\image.bin")).isEqualTo("image.bin");
        assertThat(ProductPages.baseName("..")).isEqualTo("firmware.bin");
        assertThat(ProductPages.baseName(null)).isEqualTo("firmware.bin");
    }
}
