package org.iotb.assess;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/**
 * The assessment checks' descriptors (checks-assessment.yaml) for `iotb checks list` and reports: the assess.*
 * findings the assessor derives across inputs (cross-unit uniqueness, firmware-versus-device cross-checks).
 */
public final class AssessmentCheckCatalog implements CheckProvider {
    public static final String SOURCE = "assessment";
    private static final List<CheckDescriptor> CHECKS =
            Checks.loadYaml(AssessmentCheckCatalog.class, "checks-assessment.yaml", SOURCE);

    @Override
    public List<CheckDescriptor> checks() {
        return CHECKS;
    }
}
