package org.iotb.report.ics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.conformance.StatementRow;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The conformance statements an assessment computes, rendered as CSV, Markdown and HTML. */
class IcsWriterTest {
    private final Catalog catalog = Catalog.load();

    private Assessment assess(String profile, String declarations) {
        Profile p = ProfileLoader.parse(profile, "p", catalog);
        Declarations d = declarations == null ? Declarations.NONE : DeclarationsLoader.parse(declarations, "d", catalog);
        return new Assessor().assess(AssessmentInput.of(catalog, p, d, List.of(), List.of()));
    }

    private static List<StatementRow> en(Assessment a) {
        return a.conformanceOf(Catalog.EN_303_645).orElseThrow().rows();
    }

    @Test
    void csvHasTheContractHeaderAndARowPerProvision() {
        String csv = IcsWriter.render(assess("device: {passwords: true}", null), Catalog.EN_303_645, "csv");
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        // the first five columns are the original contract; new ones only ever come after them
        assertThat(lines.get(0)).startsWith("reference,status,applicable,support,detail,")
                .isEqualTo("reference,status,applicable,support,detail,clause,ics_reference,verdict,basis,carried_from,conflict");
        assertThat(lines).hasSize(68);
        assertThat(lines).anyMatch(l -> l.startsWith("5.1-1,M C (1),yes,,,5.1 No universal default passwords,Provision 5.1-1,"))
                .anyMatch(l -> l.startsWith("5.1-3,M,yes,,,5.1 No universal default passwords,Provision 5.1-3,"))
                .anyMatch(l -> l.startsWith("6-1,M,yes,,,6 Data protection provisions for consumer IoT,Provision 6.1,"));
    }

    @Test
    void statusNotationFollowsAnnexBAndLevelsAreAppended() {
        Assessment a = assess("device: {}", null);
        assertThat(en(a)).filteredOn(r -> r.reference().equals("5.3-6")).singleElement()
                .extracting(StatementRow::status).isEqualTo("R C (9, 12)");
        assertThat(en(a)).filteredOn(r -> r.reference().equals("5.2-2")).singleElement()
                .extracting(StatementRow::status).isEqualTo("R");
        assertThat(a.conformanceOf(Catalog.XIAOMI).orElseThrow().rows()).filteredOn(r -> r.reference().equals("1.1.1"))
                .singleElement().extracting(StatementRow::status).isEqualTo("M (medium, high)");
    }

    @Test
    void nonApplicableRowsCarryNaAndTheReason() {
        Assessment a = assess("device: {passwords: false}",
                "etsi-en-303-645:\n  \"5.1-3\": {support: Y, detail: hashed, evidence: [design.pdf]}\n");
        StatementRow r = en(a).stream().filter(x -> x.reference().equals("5.1-1")).findFirst().orElseThrow();
        assertThat(r.support()).isEqualTo("N/A");
        assertThat(r.detail()).contains("condition 1");
        StatementRow declared = en(a).stream().filter(x -> x.reference().equals("5.1-3")).findFirst().orElseThrow();
        assertThat(declared.support()).isEqualTo("Y");
        assertThat(declared.detail()).contains("hashed").contains("design.pdf");
    }

    @Test
    void markdownAndHtmlFollowTableB1HeadingsReferencesAndTheConditionsLegend() {
        Assessment a = assess("device: {passwords: true}", "etsi-en-303-645:\n  \"5.1-1\": {support: Y, detail: unique}\n");
        String md = IcsWriter.render(a, Catalog.EN_303_645, "md");
        assertThat(md).contains("**Table B.1: Implementation of provisions for consumer IoT security**")
                .contains("| Reference | Status | Support | Detail | Verdict (iotb) |")
                .contains("| **Clause number and title** |")
                .contains("| **5.1 No universal default passwords** |")
                .contains("| Provision 5.1-1 | M C (1) | Y | unique |")
                .contains("| Provision 5.3-10 | M (11, 12) |")
                .contains("| **6 Data protection provisions for consumer IoT** |")
                .contains("| Provision 6.5 | M C (6) |")
                .contains("Support: Y supported by the implementation");
        assertThat(md.substring(md.lastIndexOf("| Provision 6.5"))).contains("**Conditions**")
                .contains("- 1) passwords are used;").contains("- 13) a debug interface is physically accessible.");
        String html = IcsWriter.render(a, Catalog.EN_303_645, "html");
        assertThat(html).contains("<caption>Table B.1: Implementation of provisions for consumer IoT security</caption>")
                .contains("<th colspan=\"4\">Clause number and title</th>")
                .contains("<td>Provision 5.1-1</td><td>M C (1)</td>")
                .contains("<li>6) telemetry data being collected;</li>");
        assertThat(IcsWriter.render(a, Catalog.MTSFB, "md")).contains("has no conformance statement pro forma")
                .contains("| Provision 6.1(a) |".replace("Provision ", "")).contains("carried from EN 303 645 5.1-1: unique");
    }

    @Test
    void csvQuotesCommasAndQuotes() {
        assertThat(IcsWriter.csvField("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(IcsWriter.csvField("plain")).isEqualTo("plain");
    }

    @Test
    void htmlAndMarkdownEscapeUserTextAndNameTheLevel() {
        Assessment a = assess("product: {name: \"<script>x</script>\"}\ndevice: {}",
                "etsi-en-303-645:\n  \"5.1-3\": {support: Y, detail: \"a|b <i>\"}\n");
        assertThat(IcsWriter.render(a, Catalog.EN_303_645, "html")).doesNotContain("<script>x")
                .contains("&lt;script&gt;").contains("a|b &lt;i&gt;");
        assertThat(IcsWriter.render(a, Catalog.EN_303_645, "md")).contains("| Y | a\\|b <i> |");
        assertThat(IcsWriter.render(a, Catalog.XIAOMI, "md")).contains("- Security level: level undetermined: xiaomi.personal-data");
    }
}
