package org.iotb.catalog.declarations;

import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
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
        StringBuilder b = new StringBuilder();
        b.append("# iotb declarations: for each applicable requirement, support is Y (implemented), N (not\n")
                .append("# implemented; on a recommendation give the reasons in detail) or N/A (only for conditional\n")
                .append("# requirements), with a detail and evidence references (documents, URLs, test reports).\n")
                .append("# Unanswered entries count as not declared. An answer also answers the equivalent requirements\n")
                .append("# listed under it (marked as carried); answer one of those here only to say something different.\n");
        if (profile.product() != null && profile.product().name() != null) {
            b.append("# product: ").append(profile.product().name()).append('\n');
        }
        for (Questionnaire.Section section : Questionnaire.of(catalog, profile, answered)) {
            b.append('\n').append(section.standard().id()).append(":\n");
            StringBuilder undetermined = new StringBuilder();
            for (Questionnaire.Entry e : section.entries()) {
                Requirement r = e.requirement();
                switch (e.kind()) {
                    case ANSWERED_ELSEWHERE -> b.append("  # \"").append(r.id()).append("\" is answered in ").append(answeredIn)
                            .append('\n');
                    case ANSWERED_BY_EQUIVALENT -> b.append("  # \"").append(r.id()).append("\" is answered by its equivalent ")
                            .append(label(catalog, e.answeredBy())).append(" above\n");
                    case UNDETERMINED -> undetermined.append("  #   ").append(r.id()).append(": ").append(e.reason()).append('\n');
                    case ASK -> {
                        b.append("  # ").append(r.title()).append(" [").append(StatusCode.of(r)).append("]\n");
                        if (r.question() != null) {
                            b.append("  # ").append(r.question().replace("\n", " ")).append('\n');
                        }
                        for (String twin : e.alsoAnswers()) {
                            b.append("  # also answers ").append(label(catalog, twin)).append(" [")
                                    .append(StatusCode.of(catalog.find(twin).get(0))).append("]\n");
                        }
                        b.append("  \"").append(r.id()).append("\":\n    support:\n    detail:\n    evidence: []\n");
                    }
                }
            }
            if (undetermined.length() > 0) {
                b.append("  # Undetermined until the profile says more (add them once it does):\n").append(undetermined);
            }
        }
        return b.toString();
    }

    /** "MTSFB TC G044 6.1(a)" for "mtsfb-tc-g044:6.1(a)". */
    static String label(Catalog catalog, String key) {
        int colon = key.indexOf(':');
        String sid = key.substring(0, colon);
        return catalog.standard(sid).map(Standard::shortTitle).orElse(sid) + " " + key.substring(colon + 1);
    }
}
