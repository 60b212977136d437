package org.iotb.catalog.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/** Issue #12 item 5: an answer carries to its crosswalk twins, and the template asks each question once. */
class DeclarationsCarryTest {
    private final Catalog catalog = Catalog.load();

    private Declarations carried(String yaml) {
        return DeclarationsLoader.parse(yaml, "d.yaml", catalog).withCarried(catalog.crosswalk());
    }

    @Test
    void anAnswerCarriesToItsEquivalentTwinsMarkedAsCarried() {
        Declarations d = carried("""
                etsi-en-303-645:
                  "5.1-1": {support: Y, detail: "random password per unit", evidence: [provisioning.pdf]}
                  "5.13-1": {support: Y, detail: "parser validates lengths"}
                """);
        Declaration twin = d.get(Catalog.MTSFB, "6.1(a)").orElseThrow();
        assertThat(twin.support()).isEqualTo(Support.Y);
        assertThat(twin.carriedFrom()).isEqualTo("etsi-en-303-645:5.1-1");
        assertThat(twin.detail()).isEqualTo("random password per unit");
        assertThat(twin.evidence()).containsExactly("provisioning.pdf");
        // Xiaomi 3.1.4 is equivalent to EN 5.13-1, so is MTSFB 6.13.1: all three are twins.
        assertThat(d.get(Catalog.XIAOMI, "3.1.4").orElseThrow().carriedFrom()).isEqualTo("etsi-en-303-645:5.13-1");
        assertThat(d.get(Catalog.MTSFB, "6.13.1").orElseThrow().carriedFrom()).isEqualTo("etsi-en-303-645:5.13-1");
        // a partial twin gets nothing (MTSFB 6.3.14 is only partial to 5.3-14), nor does an unrelated requirement
        assertThat(d.get(Catalog.MTSFB, "6.1(b)")).isEmpty();
        assertThat(d.get(Catalog.EN_303_645, "5.1-1").orElseThrow().carried()).isFalse();
        assertThat(d.carriedCount()).isEqualTo(3);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.withCarried(catalog.crosswalk())).isEqualTo(d); // carrying twice changes nothing
    }

    @Test
    void anExplicitAnswerBeatsACarriedOneAndConflictingTwinsAreAWarning() {
        Declarations d = carried("""
                etsi-en-303-645:
                  "5.1-1": {support: Y, detail: "unique passwords"}
                  "5.13-1": {support: Y}
                mtsfb-tc-g044:
                  "6.1(a)": {support: Y, detail: "our own words"}
                  "6.13.1": {support: N}
                """);
        assertThat(d.get(Catalog.MTSFB, "6.1(a)").orElseThrow().detail()).isEqualTo("our own words");
        assertThat(d.get(Catalog.MTSFB, "6.1(a)").orElseThrow().carried()).isFalse();
        assertThat(d.get(Catalog.MTSFB, "6.13.1").orElseThrow().support()).isEqualTo(Support.N);
        assertThat(d.warnings()).singleElement().asString()
                .contains("etsi-en-303-645:5.13-1 Y").contains("mtsfb-tc-g044:6.13.1 N");
        // the third twin gets nothing from a conflicting pair
        assertThat(d.get(Catalog.XIAOMI, "3.1.4")).isEmpty();
    }

    @Test
    void notApplicableIsNotCarried() {
        Declarations d = carried("etsi-en-303-645:\n  \"5.1-2\": {support: N/A, detail: no pre-installed passwords}\n");
        assertThat(d.get(Catalog.MTSFB, "6.1(b)")).isEmpty();
    }

    @Test
    void aNoOnARecommendationNeedsAJustification() {
        assertThatThrownBy(() -> DeclarationsLoader.parse("etsi-en-303-645:\n  \"5.2-3\": N\n", "d.yaml", catalog))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("line 2").hasMessageContaining("5.2-3")
                .hasMessageContaining("N on a recommendation needs a justification");
        assertThat(DeclarationsLoader.parse("etsi-en-303-645:\n  \"5.2-3\": {support: N, detail: \"no SBOM yet\"}\n",
                "d.yaml", catalog).size()).isEqualTo(1);
        // 5.1-3 is mandatory (N needs no justification there) but its MTSFB twin 6.1(c) is a recommendation
        assertThatThrownBy(() -> DeclarationsLoader.parse("etsi-en-303-645:\n  \"5.1-3\": N\n", "d.yaml", catalog))
                .hasMessageContaining("line 2").hasMessageContaining("mtsfb-tc-g044 6.1(c), a recommendation");
    }

    @Test
    void theTemplateAsksEachDistinctQuestionOnceAndItsAnswersCarry() {
        Profile p = ProfileLoader.parse("""
                device: {passwords: true, preinstalled-passwords: true, user-authentication: true, constrained: false,
                  software-updateable: true, update-mechanism: true, network-updates: true, automatic-updates: true,
                  telemetry: true, consent-based-processing: true, hardcoded-identity: false,
                  debug-interface-accessible: true}
                xiaomi: {personal-data: [basic], integrity-impact: severe, availability-impact: limited, categories: [door-lock]}
                interfaces: [wifi, ble]
                os: embedded-linux
                features: [mobile-app, cloud]
                """, "p.yaml", catalog);
        String template = DeclarationsTemplate.render(catalog, p);
        assertThat(template).contains("  # also answers MTSFB TC G044 6.1(a) [M C (1)]\n  \"5.1-1\":")
                .contains("# \"6.1(a)\" is answered by its equivalent EN 303 645 5.1-1 above")
                .doesNotContain("\n  \"6.1(a)\":");
        // answer every question Y (with a justification where a recommendation could be N): every applicable
        // requirement of every standard is then answered, directly or carried.
        String answered = template.replace("    support:\n", "    support: Y\n");
        Declarations d = DeclarationsLoader.parse(answered, "filled.yaml", catalog).withCarried(catalog.crosswalk());
        int questions = count(template, Pattern.compile("^    support:$", Pattern.MULTILINE));
        int applicable = 0;
        for (Standard s : catalog.standards().stream().filter(x -> !x.derivedView()).toList()) {
            for (var a : new ApplicabilityEngine(catalog).evaluate(s, p)) {
                if (a.applies() == Applies.YES) {
                    applicable++;
                    assertThat(d.get(s.id(), a.requirement().id())).as(a.requirement().key()).isPresent();
                }
            }
        }
        assertThat(questions).isLessThan(applicable);
        assertThat(d.carriedCount()).isEqualTo(applicable - questions);
    }

    private static int count(String text, Pattern p) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theTemplateLeavesOutWhatAnotherFileAlreadyAnswersTwinsIncluded() {
        Profile p = ProfileLoader.parse("device: {passwords: true, constrained: false}\n", "p", catalog);
        Declarations answered = carried("etsi-en-303-645:\n  \"5.1-1\": {support: Y, detail: unique per device}\n");
        String template = DeclarationsTemplate.render(catalog, p, answered, "ixit.yaml");
        assertThat(template).contains("# \"5.1-1\" is answered in ixit.yaml")
                .contains("# \"6.1(a)\" is answered in ixit.yaml")
                .doesNotContain("  \"5.1-1\":\n    support:").doesNotContain("  \"6.1(a)\":\n    support:");
        // what nobody answered is still asked
        assertThat(template).contains("  \"5.1-3\":\n    support:");
        assertThat(DeclarationsTemplate.render(catalog, p)).contains("  \"5.1-1\":\n    support:");
    }
}
