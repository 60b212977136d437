package org.iotb.catalog.applicability;

import org.iotb.catalog.Requirement;

/** Whether one requirement applies to the product, and why in words an assessor can check. */
public record ApplicabilityResult(Requirement requirement, Applies applies, String reason) {
}
