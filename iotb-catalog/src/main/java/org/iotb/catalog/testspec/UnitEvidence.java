package org.iotb.catalog.testspec;

import java.util.List;

/**
 * What decides a test unit: the manufacturer's answer to the provision's question ({@code declaration}), the
 * check or probe ids whose findings bear on it ({@code checks}, a subset of the provision's), whether passing checks
 * alone settle it ({@code settles}), or only a lab test ({@code lab}: iotb reports the unit as not assessed).
 */
public record UnitEvidence(boolean declaration, List<String> checks, boolean settles, boolean lab) {
    public UnitEvidence {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
