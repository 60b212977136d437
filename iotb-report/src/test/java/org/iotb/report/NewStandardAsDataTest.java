package org.iotb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessmentInput;
import org.iotb.assess.Assessor;
import org.iotb.assess.StandardLevel;
import org.iotb.assess.Verdict;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.CatalogValidator;
import org.iotb.catalog.Crosswalk;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.DeclarationsLoader;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.iotb.catalog.profile.ProfileSchema;
import org.iotb.catalog.profile.ProfileTemplate;
import org.iotb.report.ics.IcsWriter;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, "standards only as data": a standard whose conditions are new profile keys, with its own level scheme
 * and a crosswalk to another standard, is YAML only. The test catalog (src/test/resources/test-catalog) names
 * profile keys, levels, token kinds and a crosswalk target that no Java code knows; profile validation,
 * applicability, levels, conformance statements and the crosswalk all work on it.
 */
class NewStandardAsDataTest {
    private static final Catalog CATALOG = Catalog.loadResources("/test-catalog/");

    private static final String PROFILE = """
            product: {name: Cam, model: C1, manufacturer: ACME, firmware-version: "2.0"}
            device:
              records-video: true
              cloud-account: true
            tiers:
              audience: office
              stored-data: [settings, recordings]
              uses: [doorbell]
            radios: [wifi]
            """;

    private static Profile profile(String yaml) {
        return ProfileLoader.parse(yaml, "acme.yaml", CATALOG);
    }

    private static Assessment assess(String yaml, String declarations) {
        Declarations d = declarations == null ? Declarations.NONE : DeclarationsLoader.parse(declarations, "d", CATALOG);
        return new Assessor().assess(AssessmentInput.of(CATALOG, profile(yaml), d, List.of(), List.of()));
    }

    @Test
    void theCatalogIsValidAndItsProfileKeysComeFromItsData() {
        assertThat(CatalogValidator.problems(CATALOG)).isEmpty();
        ProfileSchema schema = ProfileSchema.of(CATALOG);
        assertThat(schema.deviceKeyNames()).containsExactly("records-video", "cloud-account");
        assertThat(schema.facts()).extracting(ProfileSchema.Fact::key)
                .containsExactly("tiers.audience", "tiers.stored-data", "tiers.uses", "radios");
        Profile p = profile(PROFILE);
        assertThat(p.fact("records-video")).isTrue();
        assertThat(p.words("tiers.stored-data")).containsExactly("settings", "recordings");
    }

    @Test
    void keysOfOtherCatalogsAndUnknownValuesAreRejectedWithTheirLines() {
        assertThatThrownBy(() -> profile("device:\n  passwords: true\n  records-vidoe: true\ntiers:\n  audience: zoo\n"
                + "xiaomi: {personal-data: []}\n"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("line 2: device.passwords: unknown key; allowed: [records-video, cloud-account]")
                .hasMessageContaining("line 3: device.records-vidoe: unknown key; did you mean 'records-video'?")
                .hasMessageContaining("line 5: tiers.audience: 'zoo' is not one of [home, office, hospital]")
                .hasMessageContaining("line 6: xiaomi: unknown key");
    }

    @Test
    void theTemplateAsksTheCatalogsQuestionsAndIsAValidProfile() {
        String template = ProfileTemplate.render(CATALOG, Map.of());
        assertThat(template).contains("  records-video: unknown   # condition 1 \"The device records video\" holds when true")
                .contains("# ACME tiered: The tier is the highest")
                .contains("tiers:\n").contains("  audience: unknown   # home | office | hospital")
                .contains("#   health -> gold").contains("radios: unknown   # list, any of: lora, wifi");
        Profile p = profile(template);
        assertThat(p.device()).isEmpty();
        assertThat(ProfileTemplate.questions(CATALOG)).extracting(ProfileTemplate.Question::key)
                .contains("device.records-video", "device.cloud-account", "tiers.audience", "tiers.stored-data", "radios");
    }

    @Test
    void applicabilityLevelsAndVerdictsFollowTheData() {
        Assessment a = assess(PROFILE, null);
        assertThat(a.levels()).containsExactly(Map.entry("acme-tiered", new StandardLevel("ACME tier", "silver",
                "level silver = highest of audience silver (office audience), data silver (stores 'recordings')")));
        Map<String, Applicable> applicable = a.verdicts().stream()
                .collect(Collectors.toMap(v -> v.standard() + ":" + v.requirement(), Verdict::applicable));
        assertThat(applicable).containsEntry("acme-core:C-1", Applicable.YES)   // records-video: true
                .containsEntry("acme-core:C-2", Applicable.NO)                   // condition 2 wants cloud-account false
                .containsEntry("acme-core:C-3", Applicable.NO)                   // no LoRa radio
                .containsEntry("acme-tiered:T-1", Applicable.YES)
                .containsEntry("acme-tiered:T-2", Applicable.NO)                 // gold only; the product is silver
                .containsEntry("acme-tiered:T-3", Applicable.NO);                // not an alarm
        assertThat(a.verdict("acme-tiered", "T-2").orElseThrow().applicabilityReason())
                .startsWith("required at level gold; the product is silver");
        Assessment unknownTier = assess("tiers: {audience: hospital}\n", null);
        assertThat(unknownTier.levels().get("acme-tiered").level()).isNull();
        assertThat(unknownTier.levels().get("acme-tiered").reason()).contains("tiers.stored-data not given")
                .contains("at least gold");
        // At least gold: T-2, required only at gold, applies for sure.
        assertThat(unknownTier.verdict("acme-tiered", "T-2").orElseThrow().applicable()).isEqualTo(Applicable.YES);
    }

    @Test
    void conformanceStatementsAreComputedAndRendered() {
        Assessment a = assess(PROFILE, "acme-core:\n  C-1: {support: Y, detail: AES-GCM}\n");
        assertThat(a.conformance()).extracting(c -> c.standard()).containsExactly("acme-core", "acme-tiered");
        assertThat(IcsWriter.render(a, "acme-core", "csv")).isEqualTo("""
                reference,status,applicable,support,detail,clause,ics_reference,verdict,basis,carried_from,conflict\r
                C-1,M C (1),yes,Y,AES-GCM,C Video,C-1,pass,declared,,\r
                C-2,R C (2),no,N/A,condition 2 (the device works without a cloud account) not met: device.cloud-account is true,C Video,C-2,not-applicable,inferred,,\r
                C-3,M,no,N/A,applies only to radio:lora; the product has none of them,D Radio,C-3,not-applicable,inferred,,\r
                """);
        assertThat(IcsWriter.render(a, "acme-tiered", "md")).contains("| T-2 | M (gold) | N/A |")
                .contains("- Security level: level silver = highest of audience silver");
    }

    @Test
    void theCrosswalkTargetIsData() {
        assertThat(CATALOG.crosswalk().links("acme-tiered")).extracting(Crosswalk.Link::target).containsOnly("acme-core");
        assertThat(CATALOG.statusDifferences()).singleElement().satisfies(d -> {
            assertThat(d.requirement().id()).isEqualTo("T-2");
            assertThat(d.counterpart().key()).isEqualTo("acme-core:C-2");
        });
    }
}
