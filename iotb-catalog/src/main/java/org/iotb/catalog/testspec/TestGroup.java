package org.iotb.catalog.testspec;

import java.util.List;
import java.util.Optional;

/**
 * The test group of one EN 303 645 provision ("Test group 5.1-1") with its test cases; {@code note} says where the
 * public facts stop (for example no functional units listed).
 */
public record TestGroup(String provision, String group, List<TestCase> cases, String note) {
    public TestGroup {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public Optional<TestCase> testCase(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The IXIT table whose questionnaire section carries this provision's question: the table its first conceptual
     * unit reads (so each question is asked once, in one place). Null when no unit reads a table.
     */
    public String questionTable() {
        for (TestCase c : cases) {
            for (TestUnit u : c.units()) {
                if (!u.functional() && u.ixit() != null) {
                    return u.ixit();
                }
            }
        }
        return cases.stream().flatMap(c -> c.units().stream()).map(TestUnit::ixit).findFirst().orElse(null);
    }
}
