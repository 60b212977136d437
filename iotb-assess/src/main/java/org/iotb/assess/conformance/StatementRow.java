package org.iotb.assess.conformance;

import org.iotb.assess.Applicable;

/**
 * One row of a conformance statement (EN 303 645 Table B.1 shape): reference, status (M, R, "M C (1)"),
 * applicable, support (the declaration: Y, N, N/A, or empty) and detail; clause and clauseTitle group the rows.
 */
public record StatementRow(String reference, String clause, String clauseTitle, String status, Applicable applicable,
                           String support, String detail) {
}
