package org.iotb.assess.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotb.assess.Assessor;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * The restrictions of Implementing Decision (EU) 2025/138 (regulations.yaml) become assessment warnings exactly when
 * an EN 18031 part they restrict is assessed and the profile states the facts that indicate them.
 */
class PresumptionWarningsTest {
    private static final Catalog CATALOG = Catalog.load();
    private static final Regulations REGULATIONS = Regulations.bundled();

    private static Profile profile(String device) {
        return ProfileLoader.parse("product: {name: Toy, model: T1, manufacturer: M, firmware-version: '1'}\ndevice:\n" + device,
                "test-profile.yaml", CATALOG);
    }

    private static List<String> warnings(Profile p, String... standards) {
        return PresumptionWarnings.of(REGULATIONS, CATALOG, Assessor.selectStandards(CATALOG, List.of(standards)), p);
    }

    @Test
    void eachRestrictionNamesStandardsAndRequirementsOfTheCatalog() {
        assertEquals(List.of("password-optional", "toy-childcare-access-control", "financial-update-mechanism"),
                REGULATIONS.restrictions().stream().map(Regulations.Restriction::id).toList());
        for (Regulations.Restriction r : REGULATIONS.restrictions()) {
            assertTrue(r.sourceUrl().startsWith("https://eur-lex.europa.eu/eli/dec_impl/2025/138/oj"), r.id());
            for (String s : r.standards()) {
                Standard std = CATALOG.requireStandard(s);
                r.requirements().forEach(id -> assertTrue(std.requirement(id).isPresent(), r.id() + ": " + s + " " + id));
            }
            // every fact it reads is a profile question of the catalog
            r.when().forEach(k -> profile("  " + k + ": true\n"));
            r.unless().forEach(k -> profile("  " + k + ": true\n"));
        }
    }

    @Test
    void passwordOptionalLosesThePresumptionUnderEveryPart() {
        Profile p = profile("  password-optional: true\n");
        List<String> w = warnings(p, "en-18031-1", "en-18031-2", "en-18031-3");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("EN 18031-1, EN 18031-2, EN 18031-3: NO PRESUMPTION OF CONFORMITY for clauses 6.2.5.1, 6.2.5.2"), w.get(0));
        assertTrue(w.get(0).contains("indicated by device.password-optional: true"), w.get(0));
        assertEquals(1, warnings(p, "en-18031-2").size());
    }

    @Test
    void toysWithoutGuardianControlAndFinancialAssetsAreFlaggedForTheirPartOnly() {
        Profile toy = profile("  toy-or-childcare: true\n");
        assertEquals(1, warnings(toy, "en-18031-2").size());
        assertTrue(warnings(toy, "en-18031-2").get(0).contains("device.guardian-access-control: unknown"));
        assertEquals(List.of(), warnings(toy, "en-18031-1", "en-18031-3"), "the toy restriction is EN 18031-2's");
        assertEquals(List.of(), warnings(profile("  toy-or-childcare: true\n  guardian-access-control: true\n"), "en-18031-2"),
                "parental or guardian access control keeps the presumption");
        Profile wallet = profile("  financial-assets: true\n");
        assertEquals(1, warnings(wallet, "en-18031-3").size());
        assertEquals(List.of(), warnings(wallet, "en-18031-1", "en-18031-2"));
    }

    @Test
    void unknownOrFalseFactsAndUnassessedPartsIndicateNothing() {
        Profile all = profile("  password-optional: true\n  toy-or-childcare: true\n  financial-assets: true\n");
        assertEquals(List.of(), warnings(all), "default standards: no EN 18031 part is assessed");
        assertEquals(List.of(), warnings(all, "eu-cra-annex-i"));
        assertEquals(List.of(), warnings(profile("  password-optional: false\n  toy-or-childcare: false\n"), "all"));
        assertEquals(List.of(), warnings(profile("  passwords: true\n"), "all"), "unknown facts are never guessed");
    }

    @Test
    void theBundledExampleIndicatesNoRestriction() throws Exception {
        Path example = Path.of("..", "examples", "smart-lock", "profile.yaml");
        Profile p = ProfileLoader.load(example, CATALOG);
        assertTrue(Files.exists(example));
        assertEquals(List.of(), warnings(p, "all"));
    }
}
