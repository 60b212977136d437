package org.iotb.catalog.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.junit.jupiter.api.Test;

/** Issue #12 items 1 and 7, profile side: unknown is not "no", and one telemetry fact serves every standard. */
class ProfileFactsTest {
    private final Catalog catalog = Catalog.load();

    private Applies applies(Profile p, String standard, String id) {
        return new ApplicabilityEngine(catalog).evaluate(catalog.requireStandard(standard), p).stream()
                .filter(a -> a.requirement().id().equals(id)).map(ApplicabilityResult::applies).findFirst().orElseThrow();
    }

    @Test
    void anUntouchedTemplateLeavesEveryFactUnknownAndDecidesNothingAsNotApplicable() {
        String template = ProfileTemplate.render(catalog, Map.of());
        assertThat(template).doesNotContainPattern(":\\s*\\[\\s*\\]").contains("  categories: unknown");
        Profile p = ProfileLoader.parse(template, "template.yaml", catalog);
        assertThat(p.device()).isEmpty();
        assertThat(p.words("xiaomi.categories")).isNull();
        for (String id : List.of("1.5", "1.6", "1.7", "4.2.4", "4.2.5", "6.4")) {
            assertThat(applies(p, Catalog.XIAOMI, id)).as("Xiaomi " + id).isNotEqualTo(Applies.NO);
        }
        for (var s : catalog.standards()) {
            assertThat(new ApplicabilityEngine(catalog).evaluate(s, p)).as(s.id())
                    .noneMatch(a -> a.applies() == Applies.NO);
        }
    }

    @Test
    void oneTelemetryFactDecidesEn303645AndXiaomiAlike() {
        Profile yes = ProfileLoader.parse("device: {telemetry: true}\n", "p.yaml", catalog);
        Profile no = ProfileLoader.parse("device: {telemetry: false}\n", "p.yaml", catalog);
        Profile unknown = ProfileLoader.parse("device: {}\n", "p.yaml", catalog);
        assertThat(applies(yes, Catalog.EN_303_645, "5.10-1")).isEqualTo(Applies.YES);
        assertThat(applies(no, Catalog.EN_303_645, "5.10-1")).isEqualTo(Applies.NO);
        // Xiaomi 5.3 "Telemetry Upload" (required at every level) follows the same fact
        assertThat(applies(yes, Catalog.XIAOMI, "5.3")).isEqualTo(Applies.YES);
        assertThat(applies(no, Catalog.XIAOMI, "5.3")).isEqualTo(Applies.NO);
        assertThat(applies(unknown, Catalog.XIAOMI, "5.3")).isEqualTo(Applies.UNDETERMINED);
        ProfileSchema schema = ProfileSchema.of(catalog);
        assertThat(schema.deviceKeys()).filteredOn(d -> d.key().equals("telemetry")).singleElement()
                .satisfies(d -> assertThat(String.join("; ", d.explanations())).contains("condition 6")
                        .contains("Xiaomi IoT baseline applicable condition \"Devices that upload logs or telemetry\""));
        assertThat(schema.facts()).filteredOn(f -> f.key().equals("features")).singleElement()
                .satisfies(f -> assertThat(f.words()).doesNotContain("telemetry"));
    }

    @Test
    void theOldTelemetryFeatureIsStillReadMappedAndWarnedAbout() {
        Profile p = ProfileLoader.parse("device: {passwords: true}\nfeatures: [cloud, telemetry]\n", "old.yaml", catalog);
        assertThat(p.fact("telemetry")).isTrue();
        assertThat(p.features()).containsExactly("cloud");
        assertThat(p.warnings()).singleElement().asString().contains("old.yaml line 2")
                .contains("'features: [telemetry]' is deprecated").contains("device.telemetry: true");
        assertThat(applies(p, Catalog.XIAOMI, "5.3")).isEqualTo(Applies.YES);
        // an explicit device.telemetry wins over the old key
        Profile explicit = ProfileLoader.parse("device: {telemetry: false}\nfeatures: [telemetry]\n", "old.yaml", catalog);
        assertThat(explicit.fact("telemetry")).isFalse();
        assertThat(explicit.warnings()).singleElement().asString().contains("ignored");
        assertThat(ProfileLoader.parse("device: {telemetry: true}\n", "new.yaml", catalog).warnings()).isEmpty();
    }
}
