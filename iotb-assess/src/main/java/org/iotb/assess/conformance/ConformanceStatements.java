package org.iotb.assess.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotb.assess.Applicable;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.conformance.StatusCode;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.profile.Profile;

/**
 * Computes conformance statements. A non-applicable row carries support N/A and the reason as its detail; an
 * applicable row carries the manufacturer's declaration, if any; an undetermined one says what is missing.
 */
public final class ConformanceStatements {
    private ConformanceStatements() {
    }

    /** One statement per standard of the catalog, in catalog order. */
    public static List<ConformanceStatement> of(Catalog catalog, Profile profile, Declarations declarations) {
        List<ConformanceStatement> out = new ArrayList<>();
        for (Standard s : catalog.standards()) {
            out.add(of(catalog, s, profile, declarations));
        }
        return out;
    }

    public static ConformanceStatement of(Catalog catalog, Standard standard, Profile profile, Declarations declarations) {
        List<StatementRow> rows = new ArrayList<>();
        for (ApplicabilityResult a : new ApplicabilityEngine(catalog).evaluate(standard, profile)) {
            Optional<Declaration> d = declarations.get(standard.id(), a.requirement().id());
            String support;
            String detail;
            if (a.applies() == Applies.NO) {
                support = "N/A";
                detail = a.reason();
            } else if (d.isPresent()) {
                support = d.get().support().text();
                detail = d.get().detail() == null ? "" : d.get().detail();
                if (!d.get().evidence().isEmpty()) {
                    detail = (detail.isEmpty() ? "" : detail + " ") + "[evidence: " + String.join("; ", d.get().evidence()) + "]";
                }
                if (a.applies() == Applies.UNDETERMINED) {
                    detail = (detail.isEmpty() ? "" : detail + " ") + "(applicability undetermined: " + a.reason() + ")";
                }
            } else {
                support = "";
                detail = a.applies() == Applies.UNDETERMINED ? "undetermined: " + a.reason() : "";
            }
            rows.add(new StatementRow(a.requirement().id(), a.requirement().clause(), a.requirement().clauseTitle(),
                    StatusCode.of(a.requirement()), Applicable.fromId(a.applies().id()), support, detail));
        }
        return new ConformanceStatement(standard.id(), rows);
    }
}
