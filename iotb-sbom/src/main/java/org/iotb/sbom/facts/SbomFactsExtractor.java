package org.iotb.sbom.facts;

import org.iotb.model.facts.ComponentFact;
import org.iotb.model.facts.SystemFacts;
import org.iotb.sbom.Component;
import org.iotb.sbom.Sbom;

/** The SBOM's components as typed facts (identity and version; the evidence stays in the SBOM). */
public final class SbomFactsExtractor {
    private SbomFactsExtractor() {
    }

    public static SystemFacts extract(Sbom sbom) {
        return SystemFacts.EMPTY.withComponents(sbom.components().stream().map(SbomFactsExtractor::fact).toList());
    }

    public static ComponentFact fact(Component c) {
        return new ComponentFact(c.id(), c.name(), c.version(), c.purl(), c.cpe());
    }
}
