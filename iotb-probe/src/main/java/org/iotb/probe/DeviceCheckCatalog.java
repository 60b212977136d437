package org.iotb.probe;

import java.util.List;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.CheckProvider;
import org.iotb.model.Checks;

/** The device checks' descriptors (data/checks-device.yaml) for `iotb checks list` and reports. */
public final class DeviceCheckCatalog implements CheckProvider {
    public static final String SOURCE = "device";
    private static final List<CheckDescriptor> CHECKS =
            Checks.loadYaml(DeviceCheckCatalog.class, "data/checks-device.yaml", SOURCE);

    @Override
    public List<CheckDescriptor> checks() {
        return CHECKS;
    }
}
