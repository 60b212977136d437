package org.iotb.assess.testrecord;

import java.util.List;
import java.util.Map;

/**
 * The assessment laid out as ETSI TS 103 701 records it: test group → test case → test unit → verdict, for one
 * standard (EN 303 645, or a standard whose requirements the crosswalk makes equivalent to its provisions).
 * {@code units} counts the units by verdict id; {@code source} names where the layout's ids come from.
 */
public record TestRecord(String specification, String source, Map<String, Integer> units, List<GroupOutcome> groups) {
    public static final String SPECIFICATION = "ETSI TS 103 701 V1.1.1";

    public TestRecord {
        units = units == null ? Map.of() : units;
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
