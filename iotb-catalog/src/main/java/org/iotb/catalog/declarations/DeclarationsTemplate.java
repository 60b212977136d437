package org.iotb.catalog.declarations;

import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.conformance.StatusCode;
import org.iotb.catalog.profile.Profile;

/**
 * A declarations file to fill in: exactly the requirements that apply to the product, each with the question
 * the manufacturer answers. Requirements whose applicability is undetermined are listed as comments, with
 * the profile fact that would decide them.
 */
public final class DeclarationsTemplate {
    private DeclarationsTemplate() {
    }

    public static String render(Catalog catalog, Profile profile) {
        ApplicabilityEngine engine = new ApplicabilityEngine(catalog);
        StringBuilder b = new StringBuilder();
        b.append("# iotb declarations: for each applicable requirement, support is Y (implemented), N (not\n")
                .append("# implemented) or N/A (only for conditional requirements), with a detail and evidence\n")
                .append("# references (documents, URLs, test reports). Unanswered entries count as not declared.\n");
        if (profile.product() != null && profile.product().name() != null) {
            b.append("# product: ").append(profile.product().name()).append('\n');
        }
        for (Standard s : catalog.standards()) {
            b.append('\n').append(s.id()).append(":\n");
            StringBuilder undetermined = new StringBuilder();
            for (ApplicabilityResult a : engine.evaluate(s, profile)) {
                var r = a.requirement();
                if (a.applies() == Applies.YES) {
                    b.append("  # ").append(r.title()).append(" [").append(StatusCode.of(r)).append("]\n");
                    if (r.question() != null) {
                        b.append("  # ").append(r.question().replace("\n", " ")).append('\n');
                    }
                    b.append("  \"").append(r.id()).append("\":\n    support:\n    detail:\n    evidence: []\n");
                } else if (a.applies() == Applies.UNDETERMINED) {
                    undetermined.append("  #   ").append(r.id()).append(": ").append(a.reason()).append('\n');
                }
            }
            if (undetermined.length() > 0) {
                b.append("  # Undetermined until the profile says more (add them once it does):\n").append(undetermined);
            }
        }
        return b.toString();
    }
}
