package org.iotb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void bundledCatalogHasNoStructuralProblems() {
        assertThat(CatalogValidator.problems(catalog)).isEmpty();
    }

    @Test
    void standardIdsAndSizesMatchTheDocuments() {
        // the baselines assessed by default; derived views (and other opt-in standards) follow them
        assertThat(catalog.standards().stream().filter(Standard::assessedByDefault)).extracting(Standard::id)
                .containsExactly("etsi-en-303-645", "mtsfb-tc-g044", "xiaomi-iot-baseline");
        assertThat(catalog.standards().subList(0, 3)).allMatch(Standard::assessedByDefault);
        assertThat(catalog.requireStandard(Catalog.EN_303_645).requirements()).hasSize(67);
        assertThat(catalog.requireStandard(Catalog.EN_303_645).conditions()).hasSize(13)
                .extracting(Condition::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(catalog.requireStandard(Catalog.MTSFB).requirements()).hasSize(69);
        assertThat(catalog.requireStandard(Catalog.XIAOMI).requirements()).hasSize(69);
    }

    @Test
    void enProvisionIdsRunFromFiveOneOneToSixFive() {
        List<String> ids = catalog.requireStandard(Catalog.EN_303_645).requirements().stream().map(Requirement::id).toList();
        assertThat(ids).startsWith("5.1-1").endsWith("6-5").contains("5.13-1", "5.3-16", "6-1");
    }

    @Test
    void mtsfbAddsClausesWithoutEnCounterpart() {
        Standard m = catalog.requireStandard(Catalog.MTSFB);
        assertThat(m.requirement("7(f)")).isPresent();
        assertThat(m.requirement("7(g)")).isPresent();
        assertThat(m.requirement("6.1(a)")).isPresent();
        assertThat(m.requirement("6.13.1")).isPresent();
        assertThat(catalog.crosswalk().links(Catalog.MTSFB)).filteredOn(l -> l.id().equals("7(f)"))
                .singleElement().satisfies(l -> assertThat(l.targetIds()).isEmpty());
    }

    @Test
    void xiaomiIncludesItemsAppendixBOmits() {
        Standard x = catalog.requireStandard(Catalog.XIAOMI);
        assertThat(x.requirement("1.3")).isPresent();
        assertThat(x.requirement("1.4")).isPresent();
        assertThat(x.requirement("4.3.7")).isPresent();
        assertThat(x.requirements()).allSatisfy(r -> assertThat(r.levels()).isNotEmpty());
        assertThat(x.levels()).isNotNull();
    }

    @Test
    void everyRequirementIdIsUniqueAcrossTheCatalog() {
        Set<String> keys = new HashSet<>();
        catalog.standards().forEach(s -> s.requirements().forEach(r -> assertThat(keys.add(r.key())).as(r.key()).isTrue()));
    }

    @Test
    void statusDifferencesAreFoundFromTheStandardsThemselves() {
        // MTSFB makes some EN "should" provisions a "shall" (and vice versa); the crosswalk must expose them.
        assertThat(catalog.statusDifferences()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.requirement().status()).isNotEqualTo(d.counterpart().status()));
    }

    @Test
    void validatorReportsBrokenCrosswalkReferences() {
        Standard en = catalog.requireStandard(Catalog.EN_303_645);
        Standard m = catalog.requireStandard(Catalog.MTSFB);
        Crosswalk broken = new Crosswalk(java.util.Map.of(Catalog.MTSFB, List.of(
                new Crosswalk.Link(Catalog.MTSFB, "6.1(a)", Catalog.EN_303_645, List.of("5.99-1"), "equivalent", null))));
        List<String> problems = CatalogValidator.problems(new Catalog(List.of(en, m), broken));
        assertThat(problems).anyMatch(p -> p.contains("unknown target") && p.contains("5.99-1"))
                .anyMatch(p -> p.contains("requirement 6.1(b) is missing"));
    }
}
