package org.iotb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check → requirement mapping of the bundled catalog (issue #12 item 2): every mapped check says why it bears
 * on the requirement, equivalent twins of the crosswalk see the same evidence, and the cases the issue names are
 * mapped as their texts demand. (That every id resolves to a registered check is CheckCatalogConsistencyTest in
 * iotb-cli, which sees the check registries.)
 */
class CheckMappingTest {
    private final Catalog catalog = Catalog.load();

    private List<String> checksOf(String standard, String id) {
        return catalog.requirement(standard, id).orElseThrow().checks();
    }

    @Test
    void everyMappedCheckHasARationale() {
        int mappings = 0;
        for (Standard s : catalog.standards()) {
            for (Requirement r : s.requirements()) {
                for (String check : r.checks()) {
                    assertThat(r.rationale(check)).as(r.key() + " " + check).isNotBlank().doesNotContain("\n");
                    mappings++;
                }
                assertThat(r.rationales().keySet()).as(r.key()).containsExactlyElementsOf(r.checks());
            }
        }
        assertThat(mappings).as("mappings in the bundled catalog").isGreaterThan(300);
    }

    @Test
    void equivalentTwinsOfTheCrosswalkSeeTheSameChecks() {
        int compared = 0;
        for (var e : catalog.crosswalk().byStandard().entrySet()) {
            for (Crosswalk.Link l : e.getValue()) {
                if (!"equivalent".equals(l.relation())) {
                    continue;
                }
                Requirement from = catalog.requirement(l.standard(), l.id()).orElseThrow();
                for (String t : l.targetIds()) {
                    Requirement to = catalog.requirement(l.target(), t).orElseThrow();
                    assertThat(from.checks()).as(from.key() + " is equivalent to " + to.key())
                            .containsExactlyInAnyOrderElementsOf(to.checks());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(67);
    }

    @Test
    void exposedServicesAndServedRepositoriesBearOnMinimalDisclosure() {
        for (String[] r : new String[][] {{Catalog.EN_303_645, "5.6-2"}, {Catalog.MTSFB, "6.6.2"}}) {
            assertThat(checksOf(r[0], r[1])).as(r[1])
                    .contains("fw.svc.telnet", "fw.svc.debug", "fw.dev.vcs-metadata", "net.http.unauthenticated-config");
        }
    }

    @Test
    void anUnauthenticatedNetworkShellBearsOnAuthenticatedAccess() {
        for (String[] r : new String[][] {{Catalog.EN_303_645, "5.5-4"}, {Catalog.EN_303_645, "5.5-5"},
            {Catalog.MTSFB, "6.5.4"}, {Catalog.MTSFB, "6.5.5"}}) {
            assertThat(checksOf(r[0], r[1])).as(r[1]).contains("fw.svc.debug", "net.svc.adb");
        }
    }

    @Test
    void guessablePreinstalledPasswordsSeeTheCredentialEvidenceOfUniquePasswords() {
        assertThat(checksOf(Catalog.EN_303_645, "5.1-2"))
                .containsExactlyInAnyOrderElementsOf(checksOf(Catalog.EN_303_645, "5.1-1"))
                .contains("fw.cred.default-password", "net.auth.default-credentials");
        assertThat(checksOf(Catalog.MTSFB, "6.1(b)"))
                .containsExactlyInAnyOrderElementsOf(checksOf(Catalog.MTSFB, "6.1(a)"));
    }

    @Test
    void inputValidationSeesCommandInjection() {
        for (String[] r : new String[][] {{Catalog.EN_303_645, "5.13-1"}, {Catalog.MTSFB, "6.13.1"}, {Catalog.XIAOMI, "3.1.4"}}) {
            assertThat(checksOf(r[0], r[1])).as(r[1]).contains("fw.web.command-injection", "net.robustness.malformed-input");
        }
    }

    @Test
    void debugInfoBearsOnTheSymbolTableItemAndDisabledVerificationOnUpdatesNotOnPersonalData() {
        Requirement stripped = catalog.requirement(Catalog.XIAOMI, "3.2.9").orElseThrow();
        assertThat(stripped.checks()).containsExactly("fw.elf.stripped");
        assertThat(stripped.automated()).isTrue();
        // "curl -k" in a script says nothing about which data the connection carries: it bears on the update
        // mechanism's cryptography (5.3-7) and communication in general (5.5-1), not on personal data (5.8-x).
        for (String id : List.of("5.8-1", "5.8-2")) {
            assertThat(checksOf(Catalog.EN_303_645, id)).as(id).doesNotContain("fw.tls.verification-disabled")
                    .contains("fw.net.plaintext-endpoint");
        }
        assertThat(checksOf(Catalog.EN_303_645, "5.3-7")).contains("fw.tls.verification-disabled");
        assertThat(checksOf(Catalog.EN_303_645, "5.5-1")).contains("fw.tls.verification-disabled");
    }

    @Test
    void aCheckWithoutRationaleIsAProblemAndUnknownIdsAreFoundAgainstTheRegistries(@TempDir Path dir) throws IOException {
        Catalog c = Catalog.loadDirectory(mini(dir, "[fw.a, {id: fw.b, why: \"b bears on it\"}, {id: net.x.*, why: \"the x family\"}]"));
        Requirement r = c.requirement("mini", "M-1").orElseThrow();
        assertThat(r.checks()).containsExactly("fw.a", "fw.b", "net.x.*");
        assertThat(r.rationale("fw.b")).isEqualTo("b bears on it");
        assertThat(CatalogValidator.problems(c)).containsExactly("mini:M-1: check fw.a has no rationale ('why': how it bears on the requirement)");
        assertThat(CatalogValidator.problems(c, Set.of("fw.a", "net.x.one")))
                .contains("mini:M-1: check fw.b is not a check any module registers")
                .noneMatch(p -> p.contains("net.x.*"));
        assertThat(CatalogValidator.problems(c, Set.of("fw.a", "fw.b"))).anyMatch(p -> p.contains("check net.x.* is not"));
    }

    @Test
    void aCheckListedTwiceIsRejected(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Catalog.loadDirectory(mini(dir, "[{id: fw.a, why: x}, {id: fw.a, why: y}]")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("check fw.a is listed twice");
    }

    private static Path mini(Path dir, String checks) throws IOException {
        Files.writeString(dir.resolve("index.yaml"), "standards: [mini.yaml]\n");
        Files.writeString(dir.resolve("mini.yaml"), """
                id: mini
                title: Mini
                short-title: Mini
                version: "1"
                requirements:
                  - {id: "M-1", title: A, summary: A, status: mandatory, checks: %s}
                """.formatted(checks));
        return dir;
    }
}
