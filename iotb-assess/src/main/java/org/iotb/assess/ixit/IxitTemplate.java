package org.iotb.assess.ixit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Assessment;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.conformance.StatusCode;
import org.iotb.catalog.profile.Profile;
import org.iotb.catalog.testspec.IxitTable;
import org.iotb.catalog.testspec.TestGroup;
import org.iotb.catalog.testspec.TestSpecification;
import org.iotb.model.Json;

/**
 * The supplier questionnaire {@code iotb ixit init} writes: the 29 IXIT tables of TS 103 701 as commented YAML.
 * Each table has {@code entries} (what the product has of that kind; those the image already shows are written with
 * {@code prefilled: firmware} and their evidence, for the supplier to confirm) and {@code provisions}: the
 * applicable provisions whose conceptual test reads the table, each asking the declaration question once
 * ({@link TestGroup#questionTable}); their answers count as declarations ({@link IxitLoader}).
 */
public final class IxitTemplate {
    private IxitTemplate() {
    }

    /** @param evidence an assessment of the firmware to pre-fill from, or null */
    public static String render(TestSpecification spec, Catalog catalog, Profile profile, Assessment evidence) {
        Standard standard = catalog.requireStandard(spec.standard());
        Map<String, ApplicabilityResult> applies = new LinkedHashMap<>();
        new ApplicabilityEngine(catalog).evaluate(standard, profile).forEach(a -> applies.put(a.requirement().id(), a));
        Map<String, List<IxitEntry>> prefilled = IxitPrefill.of(evidence);
        StringBuilder b = new StringBuilder();
        b.append("# iotb IXIT: implementation information for testing (ETSI TS 103 701), the supplier's description of\n")
                .append("# how the product meets ").append(standard.shortTitle()).append(". One section per IXIT table (ids as the public\n")
                .append("# sources number them). Under `entries:` list what the product has of that kind (free keys; keep\n")
                .append("# `description:`). Entries marked `prefilled: firmware` were read from the firmware image: check each,\n")
                .append("# correct it if needed and delete its `prefilled:` line to confirm it.\n")
                .append("# Under `provisions:` answer each question with support Y, N (on a recommendation give the reasons in\n")
                .append("# detail) or N/A (conditional provisions only), a detail and evidence. These answers ARE the\n")
                .append("# manufacturer's declarations: `iotb assess --ixit FILE` reads them; a declarations file need not\n")
                .append("# repeat them (if both answer a provision differently, assess stops and names both).\n");
        if (profile.product() != null && profile.product().name() != null) {
            b.append("# product: ").append(profile.product().name());
            if (profile.product().firmwareVersion() != null) {
                b.append(", firmware ").append(profile.product().firmwareVersion());
            }
            b.append('\n');
        }
        if (evidence != null) {
            b.append("# pre-filled from: ").append(String.join(", ", evidence.images().stream().map(i -> i.name()).toList()))
                    .append('\n');
        }
        b.append("tables:\n");
        for (IxitTable t : spec.tables()) {
            b.append("\n  ").append(q(t.ref())).append(":\n");
            b.append("    # ").append(t.name()).append(": ").append(t.asks()).append('\n');
            List<String> units = unitsReading(spec, t.id());
            b.append("    # read by ").append(units.size()).append(" test unit(s)")
                    .append(units.isEmpty() ? "" : ": " + abbreviate(units)).append('\n');
            List<IxitEntry> entries = prefilled.getOrDefault(t.id(), List.of());
            if (entries.isEmpty()) {
                b.append("    entries: []\n");
            } else {
                b.append("    entries:\n");
                for (IxitEntry e : entries) {
                    b.append("      - description: ").append(q(e.description())).append('\n')
                            .append("        prefilled: firmware\n")
                            .append("        evidence: ").append(q(e.evidence())).append('\n');
                }
            }
            StringBuilder provisions = new StringBuilder();
            StringBuilder notApplicable = new StringBuilder();
            for (String id : spec.questionsOf(t.id())) {
                Requirement r = standard.requirement(id).orElseThrow();
                ApplicabilityResult a = applies.get(id);
                if (a != null && a.applies() == Applies.NO) {
                    notApplicable.append("      #   ").append(id).append(": ").append(a.reason()).append('\n');
                    continue;
                }
                provisions.append("      # ").append(id).append(' ').append(r.title()).append(" [").append(StatusCode.of(r)).append("]\n");
                if (r.question() != null) {
                    provisions.append("      # ").append(r.question().replace("\n", " ")).append('\n');
                }
                if (a != null && a.applies() == Applies.UNDETERMINED) {
                    provisions.append("      # applicability undetermined: ").append(a.reason()).append('\n');
                }
                provisions.append("      ").append(q(id)).append(":\n        support:\n        detail:\n        evidence: []\n");
            }
            if (provisions.length() == 0) {
                b.append("    provisions: {}\n");
            } else {
                b.append("    provisions:\n").append(provisions);
            }
            if (notApplicable.length() > 0) {
                b.append("      # not applicable to this product (per its profile), so not asked:\n").append(notApplicable);
            }
        }
        return b.toString();
    }

    private static List<String> unitsReading(TestSpecification spec, String table) {
        List<String> out = new ArrayList<>();
        for (TestGroup g : spec.groups()) {
            g.cases().forEach(c -> c.units().forEach(u -> {
                if (table.equals(u.ixit())) {
                    out.add(u.id());
                }
            }));
        }
        return out;
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 8 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 8)) + ", …";
    }

    /** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
    static String q(String s) {
        try {
            return Json.mapper().writeValueAsString(s == null ? "" : s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
