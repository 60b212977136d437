package org.iotb.firmware;

import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.checks.rules.PatternRules;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/**
 * The firmware checks' descriptors for `iotb checks list` and reports: those of the checks written as classes
 * (data/checks-firmware.yaml) and those of the checks defined by rules (data/pattern-rules.yaml).
 */
public final class FirmwareCheckCatalog implements CheckProvider {
    public static final String SOURCE = "firmware";
    private static final List<CheckDescriptor> CHECKS = descriptors(PatternRules.bundled());

    @Override
    public List<CheckDescriptor> checks() {
        return CHECKS;
    }

    /** The descriptors of the firmware checks when the pattern-rule checks come from {@code patternRules}. */
    public static List<CheckDescriptor> descriptors(PatternRules patternRules) {
        List<CheckDescriptor> all = new ArrayList<>(
                Checks.loadYaml(FirmwareCheckCatalog.class, "data/checks-firmware.yaml", SOURCE));
        all.addAll(patternRules.checks());
        return List.copyOf(all);
    }
}
