package org.iotb.probe;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/** Registers the device checks' descriptors (data/checks.yaml) with the model's ServiceLoader. */
public final class ProbeChecks implements CheckProvider {
    @Override
    public List<CheckDescriptor> checks() {
        return Checks.loadYaml(ProbeChecks.class, "data/checks.yaml");
    }
}
