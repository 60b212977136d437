package org.iotb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.derived.Derivation;
import org.iotb.model.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: the bundled example assessed under the derived views (UK PSTI, Australia, Singapore CLS levels 1 and 2)
 * gives verdicts consistent with its EN 303 645 verdicts. The derivation rule is recomputed here, independently of
 * iotb-assess, from the catalog's derived-from and the EN 303 645 verdicts in the assessment JSON.
 */
@Tag("integration")
class DerivedViewsCliTest {
    static final List<String> VIEWS = List.of("uk-psti", "au-smart-devices", "sg-cls-level-1", "sg-cls-level-2");
    @TempDir
    static Path out;
    static List<JsonNode> assessments = new ArrayList<>();
    static Cli firmware;

    @BeforeAll
    static void assessTheExampleUnderTheViews() throws Exception {
        List<String> standards = new ArrayList<>();
        VIEWS.forEach(v -> standards.addAll(List.of("--standard", v)));
        List<String> args = new ArrayList<>(List.of("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--declarations", Cli.example("declarations.yaml"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit1.bin"),
                "--firmware", Cli.example("firmware/sl100-1.4.2-unit2.bin"), "--format", "json,html", "-o", out.resolve("fw").toString()));
        args.addAll(standards);
        firmware = Cli.run(args.toArray(String[]::new));
        assessments.add(Json.mapper().readTree(out.resolve("fw/assessment.json").toFile()));
        List<String> declared = new ArrayList<>(List.of("assess", "-q", "--profile", Cli.example("profile.yaml"),
                "--declarations", Cli.example("declarations.yaml"), "--declarations-only", "--format", "json",
                "-o", out.resolve("decl").toString()));
        declared.addAll(standards);
        Cli.run(declared.toArray(String[]::new));
        assessments.add(Json.mapper().readTree(out.resolve("decl/assessment.json").toFile()));
    }

    @Test
    void everyDerivedVerdictFollowsTheRuleFromItsEnVerdicts() {
        Catalog catalog = Catalog.load();
        int derived = 0;
        for (JsonNode a : assessments) {
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            a.get("verdicts").forEach(v -> byKey.put(v.get("standard").asText() + ":" + v.get("requirement").asText(), v));
            for (String view : VIEWS) {
                Standard s = catalog.requireStandard(view);
                for (Requirement r : s.requirements()) {
                    JsonNode v = byKey.get(r.key());
                    assertThat(v).as(r.key() + " has a verdict").isNotNull();
                    List<JsonNode> sources = new ArrayList<>();
                    for (Derivation.Source src : r.derivation().sources()) {
                        sources.add(byKey.get(src.key()));
                    }
                    assertThat(sources).as(r.key() + ": its sources were assessed").doesNotContainNull();
                    List<String> vs = sources.stream().map(x -> x.get("verdict").asText()).toList();
                    String expected = vs.contains("fail") ? "fail"
                            : vs.stream().allMatch("not-applicable"::equals) ? "not-applicable"
                            : vs.stream().allMatch(x -> x.equals("pass") || x.equals("not-applicable")) ? "pass"
                            : vs.stream().allMatch("not-assessed"::equals) ? "not-assessed" : "inconclusive";
                    assertThat(v.get("verdict").asText()).as(r.key() + " from " + vs).isEqualTo(expected);
                    // derivedFrom repeats each source's verdict and basis as the assessment has them
                    JsonNode from = v.get("derivedFrom");
                    assertThat(from).as(r.key()).hasSize(sources.size());
                    for (int i = 0; i < sources.size(); i++) {
                        assertThat(from.get(i).get("requirement").asText()).isEqualTo(sources.get(i).get("requirement").asText());
                        assertThat(from.get(i).get("verdict").asText()).isEqualTo(sources.get(i).get("verdict").asText());
                        assertThat(from.get(i).get("basis").asText()).isEqualTo(sources.get(i).get("basis").asText());
                    }
                    List<String> order = List.of("verified", "declared+consistent", "declared", "inferred", "none");
                    int weakest = sources.stream().filter(x -> x.get("verdict").asText().equals(expected))
                            .mapToInt(x -> order.indexOf(x.get("basis").asText())).max().orElse(order.size() - 1);
                    assertThat(order.indexOf(v.get("basis").asText())).as(r.key() + " basis").isEqualTo(
                            expected.equals("inconclusive") || expected.equals("not-assessed") ? order.size() - 1 : weakest);
                    assertThat(v.get("reason").asText()).startsWith("derived from EN 303 645 ");
                    derived++;
                }
            }
            // only derived verdicts carry derivedFrom
            a.get("verdicts").forEach(v -> assertThat(v.has("derivedFrom")).isEqualTo(VIEWS.contains(v.get("standard").asText())));
        }
        assertThat(derived).isEqualTo(2 * (3 + 3 + 13 + 32));
        // the example's shared and default passwords fail 5.1-1, so every view's password requirement fails
        JsonNode fw = assessments.get(0);
        assertThat(verdictOf(fw, "uk-psti", "1")).isEqualTo("fail");
        assertThat(verdictOf(fw, "au-smart-devices", "2")).isEqualTo("fail");
    }

    @Test
    void aViewSelectsItsSourceStandardAndSaysSoButHasNoConformanceStatement() {
        JsonNode a = assessments.get(0);
        List<String> summarised = new ArrayList<>();
        a.get("summary").forEach(s -> summarised.add(s.get("standard").asText()));
        assertThat(summarised).containsExactly("etsi-en-303-645", "uk-psti", "au-smart-devices", "sg-cls-level-1", "sg-cls-level-2");
        List<String> warnings = new ArrayList<>();
        a.get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).anyMatch(w -> w.startsWith("standard etsi-en-303-645 is assessed too: the derived views uk-psti,"));
        List<String> ics = new ArrayList<>();
        a.get("conformance").forEach(c -> ics.add(c.get("standard").asText()));
        assertThat(ics).containsExactly("etsi-en-303-645");
        assertThat(firmware.out + firmware.err).as("the console says so too").contains("etsi-en-303-645 is assessed too")
                .contains("derived view (indicative): verdicts derived from EN 303 645 5.1-1, 5.1-2, 5.2-1, 5.3-13");
    }

    @Test
    void theHtmlReportNamesTheSourcesOfEachDerivedVerdict() throws Exception {
        String html = java.nio.file.Files.readString(out.resolve("fw/report.html"));
        assertThat(html).contains("Derived view: each verdict is derived from the verdicts")
                .contains("<b>Derived from:</b> EN 303 645 <a href=\"#r-etsi-en-303-645_5_1-1\">5.1-1 (fail, verified)</a>")
                .contains("(derived view, indicative)");
    }

    private static String verdictOf(JsonNode a, String standard, String id) {
        for (JsonNode v : a.get("verdicts")) {
            if (v.get("standard").asText().equals(standard) && v.get("requirement").asText().equals(id)) {
                return v.get("verdict").asText();
            }
        }
        throw new AssertionError("no verdict " + standard + " " + id);
    }
}
