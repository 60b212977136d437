package org.iotb.catalog.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.CatalogValidator;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.derived.Derivation;
import org.iotb.catalog.profile.ProfileSchema;
import org.junit.jupiter.api.Test;

/**
 * The regulation catalogs (CRA Annex I, EN 18031-1/-2/-3) as data: they load and validate, every requirement is
 * derived (from EN 303 645 / Xiaomi requirements that exist) or says why nothing bears on it, they are opt-in, and
 * their asset-model questions are profile questions. Ids and statuses against their sources: the truth tables.
 */
class RegulationCatalogsTest {
    private static final Catalog CATALOG = Catalog.load();
    private static final List<String> REGULATIONS = List.of("eu-cra-annex-i", "en-18031-1", "en-18031-2", "en-18031-3");
    /** The standards a regulation's requirement may be derived from: the assessed baselines. */
    private static final Set<String> SOURCES = Set.of("etsi-en-303-645", "xiaomi-iot-baseline");

    @Test
    void regulationCatalogsLoadAndValidate() {
        List<String> problems = CatalogValidator.problems(CATALOG).stream()
                .filter(p -> REGULATIONS.stream().anyMatch(p::contains)).toList();
        assertEquals(List.of(), problems);
        for (String id : REGULATIONS) {
            Standard s = CATALOG.requireStandard(id);
            assertTrue(s.derivedView(), id + " is a derived view (no checks of its own)");
            assertFalse(s.assessedByDefault(), id + " is opt-in: assessed only when --standard names it");
            assertNotNull(s.indicative(), id + " says in every output why its verdicts are indicative");
        }
    }

    @Test
    void craHasEveryAnnexIPointOnceInOfficialJournalNumbering() {
        List<String> expected = new ArrayList<>(List.of("I.1"));
        for (char c = 'a'; c <= 'm'; c++) {
            expected.add("I.2(" + c + ")");
        }
        for (int i = 1; i <= 8; i++) {
            expected.add("II." + i);
        }
        assertEquals(expected, CATALOG.requireStandard("eu-cra-annex-i").requirements().stream().map(Requirement::id).toList());
        assertTrue(CATALOG.requireStandard("eu-cra-annex-i").indicative().contains("indicative until harmonised standards exist"));
    }

    @Test
    void everyRegulationRequirementHasASourceOrSaysThatNothingBearsOnIt() {
        for (String id : REGULATIONS) {
            for (Requirement r : CATALOG.requireStandard(id).requirements()) {
                Derivation d = r.derivation();
                if (d.sources().isEmpty()) {
                    assertTrue(d.rationale() != null && d.rationale().startsWith("No mapped evidence: "),
                            r.key() + " has no source and must say why ('No mapped evidence: ...')");
                    continue;
                }
                for (Derivation.Source src : d.sources()) {
                    assertTrue(SOURCES.contains(src.standard()), r.key() + " derives from " + src.key() + ", not a baseline");
                    assertTrue(CATALOG.requirement(src.standard(), src.id()).isPresent(), r.key() + ": " + src.key() + " does not exist");
                }
                assertTrue(d.rationale() != null && !d.rationale().isBlank(), r.key() + " has no rationale");
                assertEquals(Derivation.ALL_OF, d.rule(), r.key());
            }
        }
    }

    @Test
    void craPointsWithoutBearingProvisionAreTheOnesWeSaid() {
        // II.8 (free of charge) and II.3/II.4 have no bearing EN 303 645 or Xiaomi provision; I.1 is the risk assessment
        List<String> none = CATALOG.requireStandard("eu-cra-annex-i").requirements().stream()
                .filter(r -> r.derivation().sources().isEmpty()).map(Requirement::id).toList();
        assertEquals(List.of("I.1", "II.3", "II.4", "II.8"), none);
    }

    @Test
    void en18031AssetModelQuestionsAreProfileQuestions() {
        List<String> keys = ProfileSchema.of(CATALOG).deviceKeys().stream().map(ProfileSchema.DeviceKey::key).toList();
        for (String key : List.of("security-assets", "network-assets", "privacy-assets", "financial-assets",
                "password-optional", "toy-or-childcare", "guardian-access-control")) {
            assertTrue(keys.contains(key), "device." + key + " is a profile question");
        }
    }
}
