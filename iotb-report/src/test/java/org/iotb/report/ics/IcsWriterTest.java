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
        assertThat(lines.get(0)).isEqualTo("reference,status,applicable,support,detail");
        assertThat(lines).hasSize(68);
        assertThat(lines).contains("5.1-1,M C (1),yes,,", "5.1-3,M,yes,,");
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
