package org.iotb.catalog.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogException;
import org.iotb.catalog.CatalogValidator;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derived-view format (docs/catalog-format.md "Derived views"): what the loader reads and the validator rejects. */
class DerivedViewFormatTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            id: base
            title: "Base"
            short-title: "B"
            version: "1"
            requirements:
              - {id: "1", clause: "1", title: "One", summary: "s", status: mandatory}
              - {id: "2", clause: "1", title: "Two", summary: "s", status: recommended}
            """;

    private Catalog load(String view, boolean optIn) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.writeString(dir.resolve("view.yaml"), view);
        Files.writeString(dir.resolve("index.yaml"), "standards:\n  - base.yaml\n  - "
                + (optIn ? "{file: view.yaml, default: false}" : "view.yaml") + "\n");
        return Catalog.loadDirectory(dir);
    }

    private static String view(String requirementFields) {
        return """
                id: view
                title: "View"
                short-title: "V"
                version: "1"
                indicative: "indicative: the regulation's own route differs"
                requirements:
                  - id: "A"
                    clause: "S1"
                    title: "A"
                    summary: "s"
                    status: mandatory
                """ + requirementFields.indent(4);
    }

    @Test
    void aDerivedRequirementNamesItsSourcesRuleAndRationale() throws Exception {
        Catalog c = load(view("""
                derived-from:
                  - {standard: base, id: "1"}
                  - {standard: base, id: "2"}
                rule: all-of
                rationale: "the regulation names both"
                """), true);
        assertThat(CatalogValidator.problems(c)).isEmpty();
        Standard v = c.requireStandard("view");
        assertThat(v.derivedView()).isTrue();
        assertThat(v.assessedByDefault()).isFalse();
        assertThat(c.requireStandard("base").assessedByDefault()).isTrue();
        assertThat(c.requireStandard("base").derivedView()).isFalse();
        assertThat(v.sourceStandards()).containsExactly("base");
        assertThat(v.indicative()).contains("indicative");
        Requirement a = v.requirement("A").orElseThrow();
        assertThat(a.derivation().sources()).extracting(Derivation.Source::key).containsExactly("base:1", "base:2");
        assertThat(a.derivation().rule()).isEqualTo(Derivation.ALL_OF);
        assertThat(a.checks()).isEmpty();
    }

    @Test
    void theValidatorRejectsUnresolvedSourcesOwnChecksAndAMissingRationale() throws Exception {
        Catalog c = load(view("""
                derived-from:
                  - {standard: base, id: "9"}
                checks: [{id: fw.x, why: "w"}]
                """), false);
        assertThat(CatalogValidator.problems(c)).anyMatch(p -> p.contains("view:A: derived-from base:9 is not a requirement"))
                .anyMatch(p -> p.contains("no checks of its own"))
                .anyMatch(p -> p.contains("without a rationale"));
        assertThat(c.requireStandard("view").assessedByDefault()).isTrue();
    }

    @Test
    void anUnverifiedRowNeedsItsReason() throws Exception {
        Catalog c = load(view("""
                derived-from: [{standard: base, id: "1"}]
                rationale: "r"
                confidence: unverified
                """), true);
        assertThat(CatalogValidator.problems(c)).containsExactly("view:A: confidence unverified without a confidence-note saying why");
    }

    @Test
    void theLoaderRejectsAnUnknownRuleAndTheCamelCaseField() throws Exception {
        assertThatThrownBy(() -> load(view("derived-from: [{standard: base, id: \"1\"}]\nrule: any-of\nrationale: r\n"), true))
                .isInstanceOf(CatalogException.class).hasMessageContaining("rule must be one of [all-of]");
        assertThatThrownBy(() -> load(view("derivedFrom: [{standard: base, id: \"1\"}]\n"), true))
                .isInstanceOf(CatalogException.class).hasMessageContaining("write 'derived-from'");
    }
}
