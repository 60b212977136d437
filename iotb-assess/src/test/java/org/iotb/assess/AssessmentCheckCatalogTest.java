package org.iotb.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotb.assess.evidence.CrossChecker;
import org.iotb.assess.evidence.UniquenessAnalyzer;
import org.iotb.model.CheckDescriptor;
import org.junit.jupiter.api.Test;

/** Every assess.* id the assessor derives has an assessment descriptor and every descriptor is derived. */
class AssessmentCheckCatalogTest {
    @Test
    void descriptorsAreExactlyTheDerivedChecks() {
        assertThat(new AssessmentCheckCatalog().checks())
                .allSatisfy(d -> assertThat(d.source()).isEqualTo("assessment"))
                .extracting(CheckDescriptor::id).containsExactlyInAnyOrder(
                        UniquenessAnalyzer.CREDENTIALS, UniquenessAnalyzer.KEYS,
                        CrossChecker.SERVICES, CrossChecker.KEYS, CrossChecker.CREDENTIALS);
    }
}
