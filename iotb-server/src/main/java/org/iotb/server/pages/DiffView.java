package org.iotb.server.pages;

import org.iotb.store.workspace.AssessmentRun;
import org.iotb.store.workspace.Product;

/** The diff page: two finished runs of one product; the diff itself is iotb-report's page, framed. */
public record DiffView(Product product, AssessmentRun from, AssessmentRun to, String fromLabel, String toLabel,
                       int fixed, int broke, int changes) {
}
