package org.iotb.catalog.applicability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

class ApplicabilityEngineTest {
    private final Catalog catalog = Catalog.load();
    private final ApplicabilityEngine engine = new ApplicabilityEngine(catalog);

    private Map<String, ApplicabilityResult> evaluate(String standard, String yaml) {
        Profile p = ProfileLoader.parse(yaml, "test", catalog);
        return engine.evaluate(catalog.requireStandard(standard), p).stream()
                .collect(Collectors.toMap(a -> a.requirement().id(), Function.identity()));
    }

    @Test
    void passwordConditionDecidesFiveOneOne() {
        var with = evaluate(Catalog.EN_303_645, "device: {passwords: true}");
        var without = evaluate(Catalog.EN_303_645, "device: {passwords: false}");
        var unknown = evaluate(Catalog.EN_303_645, "device: {}");
        assertThat(with.get("5.1-1").applies()).isEqualTo(Applies.YES);
        assertThat(without.get("5.1-1").applies()).isEqualTo(Applies.NO);
        assertThat(without.get("5.1-1").reason()).contains("condition 1").contains("not met");
        assertThat(unknown.get("5.1-1").applies()).isEqualTo(Applies.UNDETERMINED);
        assertThat(unknown.get("5.1-1").reason()).contains("device.passwords");
    }

    @Test
    void unconditionalProvisionsAlwaysApply() {
        var r = evaluate(Catalog.EN_303_645, "device: {}");
        for (Requirement req : catalog.requireStandard(Catalog.EN_303_645).requirements()) {
            if (req.conditions().isEmpty()) {
                assertThat(r.get(req.id()).applies()).as(req.id()).isEqualTo(Applies.YES);
            } else {
                assertThat(r.get(req.id()).applies()).as(req.id()).isEqualTo(Applies.UNDETERMINED);
            }
        }
    }

    @Test
    void constrainedDeviceFlipsConditionsFourAndFive() {
        // 5.1-5 is M C (5): only for devices that are not constrained; 5.3-14 is R C (3, 4).
        var constrained = evaluate(Catalog.EN_303_645, "device: {constrained: true, software-updateable: false}");
        var full = evaluate(Catalog.EN_303_645, "device: {constrained: false, software-updateable: false}");
        assertThat(constrained.get("5.1-5").applies()).isEqualTo(Applies.NO);
        assertThat(full.get("5.1-5").applies()).isEqualTo(Applies.YES);
        assertThat(constrained.get("5.3-14").applies()).isEqualTo(Applies.YES);
        assertThat(full.get("5.3-14").applies()).isEqualTo(Applies.NO);
    }

    @Test
    void everyConditionalEnProvisionAppliesWhenAllItsConditionsHold() {
        Standard en = catalog.requireStandard(Catalog.EN_303_645);
        for (Requirement r : en.requirements()) {
            StringBuilder yaml = new StringBuilder("device: {");
            for (int n : r.conditions()) {
                var c = en.condition(n).orElseThrow();
                yaml.append(c.profileKey()).append(": ").append(c.whenEquals()).append(", ");
            }
            yaml.append("}");
            assertThat(evaluate(Catalog.EN_303_645, yaml.toString()).get(r.id()).applies()).as(r.id()).isEqualTo(Applies.YES);
        }
    }

    @Test
    void xiaomiLevelIsTheHighestImpact() {
        var levels = catalog.requireStandard(Catalog.XIAOMI).levels();
        Profile p = ProfileLoader.parse("xiaomi: {personal-data: [], integrity-impact: severe, availability-impact: minor}", "t", catalog);
        ProductLevel l = ProductLevel.of(levels, p);
        assertThat(l.level()).isEqualTo("high");
        assertThat(l.reason()).contains("integrity high");
        Profile low = ProfileLoader.parse("xiaomi: {personal-data: [], integrity-impact: minor, availability-impact: minor}", "t", catalog);
        assertThat(ProductLevel.of(levels, low).level()).isEqualTo("low");
        Profile partial = ProfileLoader.parse("xiaomi: {integrity-impact: severe}", "t", catalog);
        assertThat(ProductLevel.of(levels, partial).level()).isNull();
        assertThat(ProductLevel.of(levels, partial).floor()).isEqualTo("high");
    }

    @Test
    void xiaomiItemsBelowTheProductLevelDoNotApply() {
        String low = "xiaomi: {personal-data: [], integrity-impact: minor, availability-impact: minor, categories: []}\n"
                + "interfaces: []\nos: rtos\nfeatures: []\n";
        var r = evaluate(Catalog.XIAOMI, low);
        Standard x = catalog.requireStandard(Catalog.XIAOMI);
        for (Requirement req : x.requirements()) {
            ApplicabilityResult a = r.get(req.id());
            if (!req.levels().contains("low")) {
                assertThat(a.applies()).as(req.id()).isEqualTo(Applies.NO);
                assertThat(a.reason()).contains("level");
            } else if (req.appliesIfAny().isEmpty()) {
                assertThat(a.applies()).as(req.id()).isEqualTo(Applies.YES);
            }
        }
    }

    @Test
    void xiaomiCategoryItemsApplyOnlyToThatCategory() {
        Standard x = catalog.requireStandard(Catalog.XIAOMI);
        Requirement doorLockOnly = x.requirements().stream()
                .filter(r -> r.appliesIfAny().equals(List.of("category:door-lock"))).findFirst().orElseThrow();
        String high = "xiaomi: {personal-data: [], integrity-impact: severe, availability-impact: severe, categories: %s}\n"
                + "interfaces: [wifi]\nos: embedded-linux\nfeatures: []\n";
        assertThat(evaluate(Catalog.XIAOMI, high.formatted("[door-lock]")).get(doorLockOnly.id()).applies()).isEqualTo(Applies.YES);
        ApplicabilityResult camera = evaluate(Catalog.XIAOMI, high.formatted("[]")).get(doorLockOnly.id());
        assertThat(camera.applies()).isEqualTo(Applies.NO);
        assertThat(camera.reason()).contains("category:door-lock");
        String unknownCategories = "xiaomi: {personal-data: [], integrity-impact: severe, availability-impact: severe}\n";
        assertThat(evaluate(Catalog.XIAOMI, unknownCategories).get(doorLockOnly.id()).applies()).isEqualTo(Applies.UNDETERMINED);
    }

    @Test
    void mtsfbBorrowsEnConditions() {
        var r = evaluate(Catalog.MTSFB, "device: {passwords: false}");
        assertThat(r.get("6.1(a)").applies()).isEqualTo(Applies.NO);
        assertThat(evaluate(Catalog.MTSFB, "device: {passwords: true}").get("6.1(a)").applies()).isEqualTo(Applies.YES);
    }
}
