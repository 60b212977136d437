package org.iotb.firmware;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/** Registers the firmware checks' descriptors (data/checks-firmware.yaml) with `iotb checks list`. */
public final class FirmwareCheckProvider implements CheckProvider {
    private static final List<CheckDescriptor> CHECKS =
            Checks.loadYaml(FirmwareCheckProvider.class, "data/checks-firmware.yaml");

    @Override
    public List<CheckDescriptor> checks() {
        return CHECKS;
    }
}
