package org.iotb.sbom;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/** Registers the descriptors of sbom.inventory, sbom.component-vulnerable and sbom.outdated. */
public final class SbomCheckProvider implements CheckProvider {
    @Override
    public List<CheckDescriptor> checks() {
        return Checks.loadYaml(SbomCheckProvider.class, "/org/iotb/sbom/checks.yaml");
    }
}
