package org.iotb.catalog.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.applicability.XiaomiLevel;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.profile.Profile;

/**
 * The Implementation Conformance Statement of a product for one standard (EN 303 645 Annex B Table B.1 and
 * the same shape for the others): a row per requirement. A non-applicable row carries support N/A and the
 * reason as its detail; an applicable row carries the manufacturer's declaration, if any.
 */
public record ConformanceStatement(Standard standard, Profile profile, XiaomiLevel level, List<StatementRow> rows) {

    public static ConformanceStatement build(Catalog catalog, Standard standard, Profile profile, Declarations declarations) {
        ApplicabilityEngine engine = new ApplicabilityEngine(catalog);
        List<StatementRow> rows = new ArrayList<>();
        for (ApplicabilityResult a : engine.evaluate(standard, profile)) {
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
            rows.add(new StatementRow(a.requirement(), a.requirement().id(), StatusCode.of(a.requirement()),
                    a.applies(), support, detail));
        }
        return new ConformanceStatement(standard, profile, engine.level(standard, profile), rows);
    }

    public long count(Applies applies) {
        return rows.stream().filter(r -> r.applicable() == applies).count();
    }
}
