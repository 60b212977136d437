package org.iotb.firmware;

import java.util.List;
import org.iotb.model.Finding;

/** One firmware check: a stable id (documented in checks-firmware.yaml) and the findings it draws from a tree. */
public interface FirmwareCheck {
    String id();

    /** Findings for this check; normally exactly one, whose check id is {@link #id()}. Must not throw on bad input. */
    List<Finding> run(ScanContext ctx) throws Exception;
}
