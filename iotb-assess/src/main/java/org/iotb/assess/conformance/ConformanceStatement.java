package org.iotb.assess.conformance;

import java.util.List;
import org.iotb.assess.Applicable;

/**
 * The Implementation Conformance Statement (ICS) of the product for one standard: a row per requirement, decided
 * from the declared profile and the declarations (not from firmware evidence: the statement is what the
 * manufacturer declares). The report module renders it as CSV, Markdown or HTML.
 */
public record ConformanceStatement(String standard, List<StatementRow> rows) {
    public ConformanceStatement {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public long count(Applicable applicable) {
        return rows.stream().filter(r -> r.applicable() == applicable).count();
    }
}
