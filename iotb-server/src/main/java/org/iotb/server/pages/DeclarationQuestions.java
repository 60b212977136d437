package org.iotb.server.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotb.assess.Assessment;
import org.iotb.assess.Verdict;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Requirement;
import org.iotb.catalog.Standard;
import org.iotb.catalog.conformance.StatusCode;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Questionnaire;
import org.iotb.catalog.profile.Profile;
import org.iotb.report.BasisText;

/**
 * The questions of the declarations editor: exactly those `iotb declarations init` asks for the product's profile
 * (each applicable requirement once; one answered earlier through an equivalent requirement of another standard is
 * named under it, not asked again), each with the current answer and, beside it, what the latest assessment found
 * for that requirement: verdict, what it rests on, the reason and the checks that ran.
 */
public final class DeclarationQuestions {
    private DeclarationQuestions() {
    }

    /** What the latest assessment said about the requirement (null fields: no finished assessment). */
    public record Evidence(String verdict, String basis, boolean conflict, String reason, List<String> checks) {
    }

    /**
     * One question. {@code field} is the form field prefix (the requirement key made safe for a name attribute).
     * {@code support} is "Y", "N", "N/A" or "" (unanswered).
     */
    public record Question(String key, String standardId, String standardTitle, String requirementId, String title,
                           String status, String question, List<String> alsoAnswers, String support, String detail,
                           String evidenceRefs, Evidence evidence) {
        public String field() {
            return DeclarationQuestions.field(key);
        }
    }

    public static String field(String key) {
        StringBuilder b = new StringBuilder("q-");
        for (char c : key.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' ? String.valueOf(c) : "_" + (int) c + "_");
        }
        return b.toString();
    }

    public static List<Question> of(Catalog catalog, Profile profile, Declarations current, Assessment latest) {
        List<Question> out = new ArrayList<>();
        for (Questionnaire.Section section : Questionnaire.of(catalog, profile, Declarations.NONE)) {
            Standard s = section.standard();
            for (Questionnaire.Entry e : section.entries()) {
                if (e.kind() != Questionnaire.Kind.ASK) {
                    continue;
                }
                Requirement r = e.requirement();
                Optional<Declaration> d = current.get(r.key()).filter(x -> !x.carried());
                out.add(new Question(r.key(), s.id(), s.shortTitle() == null ? s.title() : s.shortTitle(), r.id(), r.title(),
                        StatusCode.of(r), r.question() == null ? null : r.question().replace("\n", " "),
                        e.alsoAnswers().stream().map(twin -> label(catalog, twin)).toList(),
                        d.map(x -> x.support() == null ? "" : x.support().text()).orElse(""),
                        d.map(Declaration::detail).orElse(""),
                        d.map(x -> String.join("\n", x.evidence())).orElse(""),
                        evidence(latest, s.id(), r.id())));
            }
        }
        return out;
    }

    private static Evidence evidence(Assessment a, String standard, String requirement) {
        if (a == null) {
            return null;
        }
        Optional<Verdict> v = a.verdict(standard, requirement);
        return v.map(x -> new Evidence(x.verdict() == null ? "" : x.verdict().id(), BasisText.label(x.basis()), x.conflict(),
                x.reason(), x.checks())).orElse(null);
    }

    private static String label(Catalog catalog, String key) {
        int colon = key.indexOf(':');
        String sid = key.substring(0, colon);
        return catalog.standard(sid).map(st -> st.shortTitle() == null ? st.title() : st.shortTitle()).orElse(sid) + " "
                + key.substring(colon + 1);
    }
}
