package org.iotb.catalog.declarations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.profile.Profile;

/**
 * The manufacturer's questions for a product, in the one order `iotb declarations init` and the workspace's editor
 * both show: per standard (derived views have none: their sources answer them), each applicable requirement once. A
 * requirement equivalent to one asked earlier (crosswalk {@code equivalent}) is not asked again but named under it;
 * one already answered elsewhere ({@code answered}, e.g. the supplier's IXIT) is not asked; requirements whose
 * applicability the profile leaves open are listed with the reason.
 */
public final class Questionnaire {
    private Questionnaire() {
    }

    /** How a requirement appears in the questionnaire. */
    public enum Kind { ASK, ANSWERED_ELSEWHERE, ANSWERED_BY_EQUIVALENT, UNDETERMINED }

    /**
     * One requirement: {@code alsoAnswers} (ASK) the keys of the equivalents this answer carries to; {@code answeredBy}
     * (ANSWERED_BY_EQUIVALENT) the key asked earlier; {@code reason} (UNDETERMINED) what would decide it.
     */
    public record Entry(Kind kind, Requirement requirement, List<String> alsoAnswers, String answeredBy, String reason) {
    }

    /** A standard's entries, in catalog order. */
    public record Section(Standard standard, List<Entry> entries) {
    }

    public static List<Section> of(Catalog catalog, Profile profile, Declarations answered) {
        ApplicabilityEngine engine = new ApplicabilityEngine(catalog);
        Map<String, ApplicabilityResult> applies = new LinkedHashMap<>();
        for (Standard s : catalog.standards()) {
            engine.evaluate(s, profile).forEach(a -> applies.put(a.requirement().key(), a));
        }
        Map<String, String> answeredBy = new LinkedHashMap<>(); // twin key -> the key whose question answers it
        List<Section> sections = new ArrayList<>();
        for (Standard s : catalog.standards()) {
            if (s.derivedView()) {
                continue; // nothing to declare: a derived view's requirements are answered by their sources
            }
            List<Entry> entries = new ArrayList<>();
            for (ApplicabilityResult a : applies.values()) {
                Requirement r = a.requirement();
                if (!r.standard().equals(s.id())) {
                    continue;
                }
                if (a.applies() == Applies.YES) {
                    if (answered.get(r.key()).isPresent()) {
                        entries.add(new Entry(Kind.ANSWERED_ELSEWHERE, r, List.of(), null, null));
                    } else if (answeredBy.containsKey(r.key())) {
                        entries.add(new Entry(Kind.ANSWERED_BY_EQUIVALENT, r, List.of(), answeredBy.get(r.key()), null));
                    } else {
                        List<String> also = new ArrayList<>();
                        for (String twin : catalog.crosswalk().equivalents(r.key())) {
                            if (applies.containsKey(twin) && applies.get(twin).applies() == Applies.YES
                                    && !answeredBy.containsKey(twin)) {
                                answeredBy.put(twin, r.key());
                                also.add(twin);
                            }
                        }
                        entries.add(new Entry(Kind.ASK, r, List.copyOf(also), null, null));
                    }
                } else if (a.applies() == Applies.UNDETERMINED) {
                    entries.add(new Entry(Kind.UNDETERMINED, r, List.of(), null, a.reason()));
                }
            }
            sections.add(new Section(s, entries));
        }
        return sections;
    }
}
