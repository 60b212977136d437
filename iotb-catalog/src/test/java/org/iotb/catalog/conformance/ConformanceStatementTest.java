package org.iotb.catalog.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

class ConformanceStatementTest {
    private final Catalog catalog = Catalog.load();

    private ConformanceStatement en(String profile, String declarations) {
        Profile p = ProfileLoader.parse(profile, "p", catalog);
        Declarations d = declarations == null ? Declarations.NONE : DeclarationsLoader.parse(declarations, "d", catalog);
        return ConformanceStatement.build(catalog, catalog.requireStandard(Catalog.EN_303_645), p, d);
    }

    @Test
    void csvHasTheContractHeaderAndARowPerProvision() {
        String csv = StatementWriter.csv(en("device: {passwords: true}", null));
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("reference,status,applicable,support,detail");
        assertThat(lines).hasSize(68);
        assertThat(lines).contains("5.1-1,M C (1),yes,,", "5.1-3,M,yes,,");
    }

    @Test
    void statusNotationFollowsAnnexB() {
        ConformanceStatement s = en("device: {}", null);
        assertThat(s.rows()).filteredOn(r -> r.reference().equals("5.3-6")).singleElement()
                .extracting(StatementRow::status).isEqualTo("R C (9, 12)");
        assertThat(s.rows()).filteredOn(r -> r.reference().equals("5.2-2")).singleElement()
                .extracting(StatementRow::status).isEqualTo("R");
    }

    @Test
    void nonApplicableRowsCarryNaAndTheReason() {
        ConformanceStatement s = en("device: {passwords: false}", "etsi-en-303-645:\n  \"5.1-3\": {support: Y, detail: hashed, evidence: [design.pdf]}\n");
        StatementRow r = s.rows().stream().filter(x -> x.reference().equals("5.1-1")).findFirst().orElseThrow();
        assertThat(r.support()).isEqualTo("N/A");
        assertThat(r.detail()).contains("condition 1");
        StatementRow declared = s.rows().stream().filter(x -> x.reference().equals("5.1-3")).findFirst().orElseThrow();
        assertThat(declared.support()).isEqualTo("Y");
        assertThat(declared.detail()).contains("hashed").contains("design.pdf");
    }

    @Test
    void csvQuotesCommasAndQuotes() {
        assertThat(StatementWriter.csvField("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(StatementWriter.csvField("plain")).isEqualTo("plain");
    }

    @Test
    void htmlAndMarkdownEscapeUserText() {
        ConformanceStatement s = en("product: {name: \"<script>x</script>\"}\ndevice: {}",
                "etsi-en-303-645:\n  \"5.1-3\": {support: Y, detail: \"a|b <i>\"}\n");
        assertThat(StatementWriter.html(s)).doesNotContain("<script>x").contains("&lt;script&gt;").contains("a|b &lt;i&gt;");
        assertThat(StatementWriter.markdown(s)).contains("| Y | a\\|b <i> |");
    }
}
