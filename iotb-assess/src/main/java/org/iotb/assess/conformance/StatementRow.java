package org.iotb.assess.conformance;

import org.iotb.assess.Applicable;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;

/**
 * One row of a conformance statement (EN 303 645 Table B.1 shape): reference (the requirement id), status as the
 * table writes it (M, R, "M C (1)"), applicable, support (Y, N, N/A, or empty when not validly declared) and detail;
 * clause and clauseTitle group the rows under their headings. {@code tableReference} is the reference as the
 * standard's table writes it ("Provision 5.1-1"); {@code verdict} and {@code basis} are the assessment's verdict on
 * the requirement (null when the statement was computed without one); {@code carriedFrom} names the equivalent
 * requirement whose answer was carried here; {@code conflict} says the evidence contradicts a claim of the row.
 */
public record StatementRow(String reference, String clause, String clauseTitle, String status, Applicable applicable,
                           String support, String detail, String tableReference, VerdictValue verdict, Basis basis,
                           String carriedFrom, boolean conflict) {

    public StatementRow(String reference, String clause, String clauseTitle, String status, Applicable applicable,
                        String support, String detail) {
        this(reference, clause, clauseTitle, status, applicable, support, detail, reference, null, null, null, false);
    }

    /** "5.1 No universal default passwords": the clause heading the row stands under. */
    public String heading() {
        return clause == null ? null : clause + (clauseTitle == null ? "" : " " + clauseTitle);
    }
}
