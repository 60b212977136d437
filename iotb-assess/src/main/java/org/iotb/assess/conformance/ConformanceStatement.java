package org.iotb.assess.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iotb.assess.Applicable;
import org.iotb.assess.testrecord.TestRecord;

/**
 * The Implementation Conformance Statement (ICS) of the product for one standard, in the shape of EN 303 645
 * Annex B Table B.1: a row per requirement under its clause heading. What the manufacturer declares is kept, but
 * never where the assessment shows it to be wrong: N/A only where the condition was determined not to apply, and a
 * contradicted row says so (rules: {@link ConformanceStatements}). {@code table} is the title of the standard's
 * pro forma (null when it has none: {@code note} then says how iotb shapes it); {@code notation} the notation
 * paragraphs; {@code conditionsTitle} and {@code conditions} the legend under the table. The report module renders
 * it as CSV, Markdown or HTML. {@code testRecord} (3.0, additive) lays the standard's verdicts out as ETSI TS 103 701
 * records them (test group → case → unit), for EN 303 645 and the standards the crosswalk makes equivalent to it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConformanceStatement(String standard, List<StatementRow> rows, String table, String headingColumn,
                                   List<String> columns, String note, List<String> notation, String conditionsTitle,
                                   List<String> conditions, TestRecord testRecord) {
    public ConformanceStatement {
        rows = rows == null ? List.of() : List.copyOf(rows);
        columns = columns == null || columns.isEmpty() ? List.of("Reference", "Status", "Support", "Detail") : List.copyOf(columns);
        notation = notation == null ? List.of() : List.copyOf(notation);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public ConformanceStatement(String standard, List<StatementRow> rows) {
        this(standard, rows, null, null, null, null, null, null, null, null);
    }

    /** The same statement with this TS 103 701 record (null: none). */
    public ConformanceStatement withTestRecord(TestRecord record) {
        return new ConformanceStatement(standard, rows, table, headingColumn, columns, note, notation, conditionsTitle,
                conditions, record);
    }

    public long count(Applicable applicable) {
        return rows.stream().filter(r -> r.applicable() == applicable).count();
    }
}
