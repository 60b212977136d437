package org.iotb.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileSchema;
import org.junit.jupiter.api.Test;

/** The real catalog: every requirement of every standard gets an honest verdict. */
class BundledCatalogTest {
    private static final Catalog CATALOG = Catalog.load();

    @Test
    void allAssessesEveryStandardAndEveryDerivedVerdictNamesItsSources() {
        Assessment a = new Assessor().assess(AssessmentInput.of(CATALOG, null, null, List.of(), List.of()), List.of(Assessor.ALL_STANDARDS));
        assertThat(a.verdicts()).hasSize(CATALOG.standards().stream().mapToInt(s -> s.requirements().size()).sum());
        assertThat(a.verdicts()).filteredOn(v -> CATALOG.requireStandard(v.standard()).derivedView())
                .isNotEmpty().allSatisfy(v -> assertThat(v.derivedFrom().isEmpty()).as(v.key() + " names its sources (none only"
                        + " where the catalog says no mapped evidence)").isEqualTo(CATALOG.requirement(v.standard(), v.requirement())
                        .orElseThrow().derivation().sources().isEmpty()));
        assertThat(a.conformance()).noneMatch(c -> CATALOG.requireStandard(c.standard()).derivedView());
    }

    @Test
    void everyRequirementOfTheThreeStandardsHasAVerdictAndNoneDeclaredOrEvidencedPasses() {
        Assessment a = new Assessor().assess(AssessmentInput.of(CATALOG, null, null, List.of(), List.of()));
        // the standards assessed by default (derived views and other opt-in standards only when named)
        List<Standard> byDefault = CATALOG.standards().stream().filter(Standard::assessedByDefault).toList();
        int expected = byDefault.stream().mapToInt(s -> s.requirements().size()).sum();
        assertThat(a.verdicts()).hasSize(expected);
        assertThat(a.summary()).extracting(StandardSummary::standard)
                .containsExactly(byDefault.stream().map(Standard::id).toArray(String[]::new));
        assertThat(a.summary()).extracting(StandardSummary::standard)
                .contains(Catalog.EN_303_645, Catalog.MTSFB, Catalog.XIAOMI);
        assertThat(a.verdicts()).noneMatch(v -> v.verdict() == VerdictValue.PASS || v.verdict() == VerdictValue.FAIL);
        assertThat(a.verdicts()).allSatisfy(v -> assertThat(v.reason()).isNotBlank());
        for (StandardSummary s : a.summary()) {
            assertThat(s.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.total());
        }
        assertThat(a.levels()).containsOnlyKeys(Catalog.XIAOMI);
        assertThat(a.levels().get(Catalog.XIAOMI).level()).isNull();
        assertThat(a.levels().get(Catalog.XIAOMI).reason()).contains("undetermined");
        assertThat(a.conformance()).extracting(c -> c.standard()).containsExactly(Catalog.EN_303_645, Catalog.MTSFB, Catalog.XIAOMI);
    }

    @Test
    void aFullProfileDecidesApplicabilityEverywhere() {
        Map<String, Boolean> device = new java.util.LinkedHashMap<>();
        ProfileSchema.of(CATALOG).deviceKeyNames().forEach(k -> device.put(k, true));
        device.put("constrained", false);
        device.put("software-updateable", true);
        Profile p = new Profile(new Profile.Product("X", "Y", "Z", "1"), device,
                Map.of("xiaomi", Map.of("personal-data", List.of("basic"), "integrity-impact", "minor",
                        "availability-impact", "minor", "categories", List.of())), List.of("wifi"), "embedded-linux",
                List.of("mobile-app"));
        Assessment a = new Assessor().assess(AssessmentInput.of(CATALOG, p, null, List.of(), List.of()));
        assertThat(a.verdicts()).noneMatch(v -> v.applicable() == Applicable.UNDETERMINED);
        assertThat(a.levels().get(Catalog.XIAOMI)).isEqualTo(new StandardLevel("Xiaomi security level", "low",
                "level low = highest of confidentiality low (personal data 'basic'), integrity low (minor impact),"
                        + " availability low (minor impact)"));
    }
}
