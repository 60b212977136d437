package org.iotb.assess;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/** Registers the assess.* checks (cross-input evidence) described in checks.yaml. */
public final class AssessChecks implements CheckProvider {
    @Override
    public List<CheckDescriptor> checks() {
        return Checks.loadYaml(AssessChecks.class, "checks.yaml");
    }
}
