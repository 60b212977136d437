package org.iotb.assess.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotb.assess.Applicable;
import org.iotb.assess.Basis;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 6: the statement never prints N/A where the assessment found the requirement applicable, says
 * when the evidence contradicts a declared Y, refuses a declared N/A on an applicable row, and names carried answers.
 */
class ConformanceStatementsTest {
    private final Catalog catalog = Catalog.load();

    private StatementRow row(String profile, String declarations, List<Verdict> verdicts, String standard, String id) {
        Profile p = ProfileLoader.parse(profile, "p.yaml", catalog);
        Declarations d = declarations == null ? Declarations.NONE : DeclarationsLoader.parse(declarations, "d.yaml", catalog);
        return ConformanceStatements.of(catalog, p, d, verdicts).stream().filter(s -> s.standard().equals(standard))
                .findFirst().orElseThrow().rows().stream().filter(r -> r.reference().equals(id)).findFirst().orElseThrow();
    }

    /** A verdict as the assessment would record it for {@code key}, applicable or not, with or without a conflict. */
    private Verdict verdict(String key, Applicable applicable, VerdictValue value, boolean conflict, String reason,
                            DeclarationRef declaration) {
        Requirement r = catalog.find(key).get(0);
        return new Verdict(r.standard(), r.id(), r.clause(), r.clauseTitle(), r.title(), r.status().id(), applicable,
                applicable == Applicable.YES ? "root has a password in etc/shadow" : "condition not met", value,
                value == VerdictValue.FAIL ? Basis.VERIFIED : Basis.INFERRED, reason, List.of(), declaration, conflict,
                false, r.checks(), r.remediation());
    }

    @Test
    void aProfileClaimTheEvidenceContradictsIsNeverPrintedAsNotApplicable() {
        String profile = "device: {passwords: false}";
        // Without verdicts (profile only) the profile decides: N/A with the reason.
        StatementRow claimed = row(profile, null, List.of(), Catalog.EN_303_645, "5.1-1");
        assertThat(claimed.support()).isEqualTo("N/A");
        assertThat(claimed.detail()).contains("device.passwords is false");
        // The assessment found passwords on the image and judged 5.1-1 applicable: no N/A, the conflict is shown.
        Verdict applicable = verdict("etsi-en-303-645:5.1-1", Applicable.YES, VerdictValue.FAIL, true,
                "root has the default password 'admin'", null);
        StatementRow r = row(profile, null, List.of(applicable), Catalog.EN_303_645, "5.1-1");
        assertThat(r.support()).isEmpty();
        assertThat(r.applicable()).isEqualTo(Applicable.YES);
        assertThat(r.conflict()).isTrue();
        assertThat(r.detail()).contains("Applies although the profile says it does not").contains("device.passwords is false");
        assertThat(r.verdict()).isEqualTo(VerdictValue.FAIL);
    }

    @Test
    void aContradictedYKeepsItsAnswerButSaysSoFirst() {
        String decl = "etsi-en-303-645:\n  \"5.1-1\": {support: Y, detail: \"unique passwords\"}\n";
        Verdict failed = verdict("etsi-en-303-645:5.1-1", Applicable.YES, VerdictValue.FAIL, true,
                "root has the default password 'admin'", new DeclarationRef("Y", "unique passwords", null));
        StatementRow r = row("device: {passwords: true}", decl, List.of(failed), Catalog.EN_303_645, "5.1-1");
        assertThat(r.support()).isEqualTo("Y");
        assertThat(r.detail()).startsWith("CONTRADICTED by the assessment (verdict fail): root has the default password 'admin'")
                .endsWith("unique passwords");
        assertThat(r.conflict()).isTrue();
        // the verdict's own "conflict: " prefix is not repeated; a bare Y ends the sentence
        Verdict withPrefix = verdict("etsi-en-303-645:5.1-1", Applicable.YES, VerdictValue.FAIL, true,
                "conflict: declared Y, but fw.cred.default-password failed", new DeclarationRef("Y", null, null));
        StatementRow bare = row("device: {passwords: true}", "etsi-en-303-645:\n  \"5.1-1\": Y\n", List.of(withPrefix),
                Catalog.EN_303_645, "5.1-1");
        assertThat(bare.detail()).isEqualTo("CONTRADICTED by the assessment (verdict fail): declared Y, but"
                + " fw.cred.default-password failed.");
    }

    @Test
    void aDeclaredNotApplicableOnARowThatAppliesIsNotPrintedAsNotApplicable() {
        String decl = "etsi-en-303-645:\n  \"5.1-2\": {support: N/A, detail: \"no pre-installed passwords\"}\n";
        StatementRow applies = row("device: {preinstalled-passwords: true}", decl, List.of(), Catalog.EN_303_645, "5.1-2");
        assertThat(applies.support()).isEmpty();
        assertThat(applies.detail()).contains("Declared N/A: no pre-installed passwords").contains("it applies");
        StatementRow open = row("device: {}", decl, List.of(), Catalog.EN_303_645, "5.1-2");
        assertThat(open.support()).as("undetermined is not 'determined not to apply'").isEmpty();
        assertThat(open.detail()).contains("applicability undetermined");
        StatementRow notApplicable = row("device: {preinstalled-passwords: false}", decl, List.of(), Catalog.EN_303_645, "5.1-2");
        assertThat(notApplicable.support()).isEqualTo("N/A");
    }

    @Test
    void aCarriedAnswerIsNamedAndTheLayoutFollowsTheTable() {
        String decl = "etsi-en-303-645:\n  \"5.1-1\": {support: Y, detail: \"unique passwords\"}\n";
        StatementRow twin = row("device: {passwords: true}", decl, List.of(), Catalog.MTSFB, "6.1(a)");
        assertThat(twin.support()).isEqualTo("Y");
        assertThat(twin.carriedFrom()).isEqualTo("etsi-en-303-645:5.1-1");
        assertThat(twin.detail()).isEqualTo("carried from EN 303 645 5.1-1: unique passwords");
        StatementRow dataProtection = row("device: {}", null, List.of(), Catalog.EN_303_645, "6-1");
        assertThat(dataProtection.tableReference()).isEqualTo("Provision 6.1");
        assertThat(dataProtection.heading()).isEqualTo("6 Data protection provisions for consumer IoT");
        assertThat(row("device: {}", null, List.of(), Catalog.EN_303_645, "5.3-10").status()).isEqualTo("M (11, 12)");
        ConformanceStatement en = ConformanceStatements.of(catalog, ProfileLoader.parse("device: {}", "p", catalog),
                Declarations.NONE).get(0);
        assertThat(en.conditions()).hasSize(13).first().isEqualTo("1) passwords are used;");
        assertThat(en.table()).startsWith("Table B.1");
        ConformanceStatement xiaomi = ConformanceStatements.of(catalog, ProfileLoader.parse("device: {}", "p", catalog),
                Declarations.NONE).get(2);
        assertThat(xiaomi.note()).contains("no conformance statement pro forma");
        assertThat(xiaomi.conditions()).contains("category:door-lock: Smart door locks");
    }
}
