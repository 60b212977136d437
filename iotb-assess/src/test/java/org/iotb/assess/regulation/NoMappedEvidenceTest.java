package org.iotb.assess.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iotb.assess.Applicable;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.assess.verdict.DerivedVerdicts;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.junit.jupiter.api.Test;

/**
 * A regulation's requirement that no assessed requirement bears on (derived-from: [] with no-evidence, e.g. CRA
 * Annex I Part II point (8), updates free of charge) is never decided: not assessed, applicability undetermined, and
 * its reason says why. (An all-of over no sources is vacuously "every source does not apply": that would be a lie.)
 */
class NoMappedEvidenceTest {
    @Test
    void aRequirementWithoutSourcesStaysUnknownAndSaysWhy() {
        Catalog catalog = Catalog.load();
        for (String key : new String[] {"eu-cra-annex-i:II.8", "eu-cra-annex-i:I.1", "en-18031-1:RLM-1"}) {
            Requirement r = catalog.find(key).get(0);
            assertTrue(r.derivation().sources().isEmpty(), key);
            Verdict v = DerivedVerdicts.derive(catalog, r, Map.of());
            assertEquals(VerdictValue.NOT_ASSESSED, v.verdict(), key);
            assertEquals(Applicable.UNDETERMINED, v.applicable(), key);
            assertTrue(v.reason().startsWith("No mapped evidence: "), v.reason());
        }
    }
}
