package org.iotb.firmware;

import java.util.List;
import org.iotb.model.check.Check;

/**
 * One firmware check: the shared {@link Check} contract over an indexed tree ({@link ScanContext}), with a single
 * stable id documented in data/checks-firmware.yaml (or, for a pattern-rule check, in data/pattern-rules.yaml).
 */
public interface FirmwareCheck extends Check<ScanContext> {
    String id();

    @Override
    default List<String> checkIds() {
        return List.of(id());
    }

    @Override
    default String name() {
        return id();
    }
}
