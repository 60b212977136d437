package org.iotb.catalog.declarations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.applicability.ApplicabilityEngine;
import org.iotb.catalog.applicability.ApplicabilityResult;
import org.iotb.catalog.applicability.Applies;
import org.iotb.catalog.conformance.StatusCode;
import org.iotb.catalog.profile.Profile;

/**
 * A declarations file to fill in: exactly the requirements that apply to the product, each with the question
 * the manufacturer answers. Each distinct question is asked once: a requirement equivalent to one asked earlier
 * (crosswalk {@code equivalent}) is named under it ("also answers MTSFB TC G044 6.1(a)") and its answer is carried
 * when the file is read ({@link Declarations#withCarried}). Requirements whose applicability is undetermined are
 * listed as comments, with the profile fact that would decide them.
 */
public final class DeclarationsTemplate {
    private DeclarationsTemplate() {
    }

    public static String render(Catalog catalog, Profile profile) {
        return render(catalog, profile, Declarations.NONE, null);
    }

    /**
     * As above, leaving out the questions {@code answered} already answers (directly or carried to a twin), each named
     * with the file that answers it ({@code answeredIn}, e.g. the supplier's IXIT): no question is asked twice.
     */
    public static String render(Catalog catalog, Profile profile, Declarations answered, String answeredIn) {
        ApplicabilityEngine engine = new ApplicabilityEngine(catalog);
        Map<String, ApplicabilityResult> applies = new LinkedHashMap<>();
        for (Standard s : catalog.standards()) {
            engine.evaluate(s, profile).forEach(a -> applies.put(a.requirement().key(), a));
        }
        Map<String, String> answeredBy = new LinkedHashMap<>(); // twin key -> the key whose question answers it
        StringBuilder b = new StringBuilder();
        b.append("# iotb declarations: for each applicable requirement, support is Y (implemented), N (not\n")
                .append("# implemented; on a recommendation give the reasons in detail) or N/A (only for conditional\n")
                .append("# requirements), with a detail and evidence references (documents, URLs, test reports).\n")
                .append("# Unanswered entries count as not declared. An answer also answers the equivalent requirements\n")
                .append("# listed under it (marked as carried); answer one of those here only to say something different.\n");
        if (profile.product() != null && profile.product().name() != null) {
            b.append("# product: ").append(profile.product().name()).append('\n');
        }
        for (Standard s : catalog.standards()) {
            if (s.derivedView()) {
                continue; // nothing to declare: a derived view's requirements are answered by their sources
            }
            b.append('\n').append(s.id()).append(":\n");
            StringBuilder undetermined = new StringBuilder();
            for (ApplicabilityResult a : applies.values()) {
                Requirement r = a.requirement();
                if (!r.standard().equals(s.id())) {
                    continue;
                }
                if (a.applies() == Applies.YES) {
                    if (answered.get(r.key()).isPresent()) {
                        b.append("  # \"").append(r.id()).append("\" is answered in ").append(answeredIn).append('\n');
                        continue;
                    }
                    String by = answeredBy.get(r.key());
                    if (by != null) {
                        b.append("  # \"").append(r.id()).append("\" is answered by its equivalent ").append(label(catalog, by))
                                .append(" above\n");
                        continue;
                    }
                    b.append("  # ").append(r.title()).append(" [").append(StatusCode.of(r)).append("]\n");
                    if (r.question() != null) {
                        b.append("  # ").append(r.question().replace("\n", " ")).append('\n');
                    }
                    for (String twin : twins(catalog, r, applies)) {
                        if (!answeredBy.containsKey(twin)) {
                            answeredBy.put(twin, r.key());
                            b.append("  # also answers ").append(label(catalog, twin)).append(" [")
                                    .append(StatusCode.of(catalog.find(twin).get(0))).append("]\n");
                        }
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

    /** The applicable requirements of other standards whose answer this one's answer carries to. */
    private static List<String> twins(Catalog catalog, Requirement r, Map<String, ApplicabilityResult> applies) {
        return catalog.crosswalk().equivalents(r.key()).stream()
                .filter(k -> applies.containsKey(k) && applies.get(k).applies() == Applies.YES).toList();
    }

    /** "MTSFB TC G044 6.1(a)" for "mtsfb-tc-g044:6.1(a)". */
    static String label(Catalog catalog, String key) {
        int colon = key.indexOf(':');
        String sid = key.substring(0, colon);
        return catalog.standard(sid).map(Standard::shortTitle).orElse(sid) + " " + key.substring(colon + 1);
    }
}
