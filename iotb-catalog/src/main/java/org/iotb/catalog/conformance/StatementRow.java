package org.iotb.catalog.conformance;

import org.iotb.catalog.Requirement;
import org.iotb.catalog.applicability.Applies;

/** One row of a conformance statement: reference, status, applicable, support, detail. */
public record StatementRow(Requirement requirement, String reference, String status, Applies applicable,
                           String support, String detail) {
}
