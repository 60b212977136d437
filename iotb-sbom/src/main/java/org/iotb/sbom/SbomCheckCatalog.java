package org.iotb.sbom;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/** The SBOM checks' descriptors (checks-sbom.yaml) for `iotb checks list` and reports. */
public final class SbomCheckCatalog implements CheckProvider {
    public static final String SOURCE = "sbom";
    private static final List<CheckDescriptor> CHECKS =
            Checks.loadYaml(SbomCheckCatalog.class, "/org/iotb/sbom/checks-sbom.yaml", SOURCE);

    @Override
    public List<CheckDescriptor> checks() {
        return CHECKS;
    }
}
