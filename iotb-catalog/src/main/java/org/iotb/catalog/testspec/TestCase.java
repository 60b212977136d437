package org.iotb.catalog.testspec;

import java.util.ArrayList;
import java.util.List;

/**
 * A test case of a test group: "5.1-1-1" (conceptual), "5.1-1-2" (functional), or a case tcsfw marks
 * "conceptual/functional"; its units in order.
 */
public record TestCase(String id, String kind, List<TestUnit> units) {
    public TestCase {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** The IXIT tables its units read, in the order the units first name them. */
    public List<String> ixitTables() {
        List<String> out = new ArrayList<>();
        units.forEach(u -> {
            if (u.ixit() != null && !out.contains(u.ixit())) {
                out.add(u.ixit());
            }
        });
        return out;
    }
}
