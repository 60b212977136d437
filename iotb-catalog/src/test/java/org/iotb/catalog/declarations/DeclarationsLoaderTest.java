package org.iotb.catalog.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

class DeclarationsLoaderTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void readsSupportDetailAndEvidence() {
        Declarations d = DeclarationsLoader.parse("""
                etsi-en-303-645:
                  "5.1-1": {support: Y, detail: "Unique password printed on label", evidence: [label-spec.pdf]}
                  "5.1-2": {support: N/A, detail: no pre-installed passwords}
                  "5.2-2": {support: N, detail: "no bug bounty budget"}
                mtsfb-tc-g044:
                  "6.1(a)": {support: Y}
                """, "d.yaml", catalog);
        assertThat(d.get("etsi-en-303-645", "5.1-1")).get().satisfies(x -> {
            assertThat(x.support()).isEqualTo(Support.Y);
            assertThat(x.evidence()).containsExactly("label-spec.pdf");
        });
        assertThat(d.get("etsi-en-303-645", "5.1-2").orElseThrow().support()).isEqualTo(Support.NA);
        assertThat(d.get("etsi-en-303-645", "5.2-2").orElseThrow().support()).isEqualTo(Support.N);
        assertThat(d.get("mtsfb-tc-g044", "6.1(a)")).isPresent();
        assertThat(d.size()).isEqualTo(4);
    }

    @Test
    void notApplicableIsRefusedForUnconditionalProvisions() {
        // 5.1-3 is M (no condition): Annex B does not let a manufacturer declare it N/A.
        assertThatThrownBy(() -> DeclarationsLoader.parse("etsi-en-303-645:\n  \"5.1-3\": {support: N/A}\n", "d.yaml", catalog))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("5.1-3")
                .hasMessageContaining("N/A is not allowed");
    }

    @Test
    void unknownStandardsRequirementsAndValuesAreNamed() {
        assertThatThrownBy(() -> DeclarationsLoader.parse("""
                iso-27001:
                  A.5: Y
                etsi-en-303-645:
                  "5.99-1": Y
                  "5.1-1": {support: maybe}
                """, "d.yaml", catalog))
                .hasMessageContaining("line 1: unknown standard 'iso-27001'")
                .hasMessageContaining("line 4: etsi-en-303-645: unknown requirement '5.99-1'")
                .hasMessageContaining("line 5: etsi-en-303-645 5.1-1: support must be Y, N or N/A");
    }

    @Test
    void templateListsExactlyTheApplicableRequirementsAndParsesBack() {
        Profile p = ProfileLoader.parse("device: {passwords: false, constrained: false}\n", "p", catalog);
        String template = DeclarationsTemplate.render(catalog, p);
        var applicable = new ApplicabilityEngine(catalog).evaluate(catalog.requireStandard(Catalog.EN_303_645), p);
        for (var a : applicable) {
            String entry = "\n  \"" + a.requirement().id() + "\":\n";
            if (a.applies() == Applies.YES) {
                assertThat(template).as(a.requirement().id()).contains(entry);
            } else {
                assertThat(template).as(a.requirement().id()).doesNotContain(entry);
            }
        }
        assertThat(template).doesNotContain("\n  \"5.1-1\":\n");
        assertThat(DeclarationsLoader.parse(template, "template", catalog).size()).isZero();
    }
}
