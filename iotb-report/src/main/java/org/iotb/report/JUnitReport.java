package org.iotb.report;

import java.util.List;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;

/**
 * JUnit XML for CI dashboards: a test suite per standard, a test case per requirement that applies (or whose
 * applicability is undetermined): fail → failure, inconclusive/not-assessed → skipped with the reason, a pass that
 * rests on the manufacturer's declaration alone → skipped ("pass on declaration only"), every other pass → passed.
 * Not-applicable requirements are not tests. Every test case carries a {@code basis} property (and {@code conflict}
 * when evidence contradicts a claim); a pass on a declaration that evidence examined prints its basis on system-out.
 * The mapping is a contract (docs/reports.md, "JUnit XML"): a passed test is one automated evidence settled or at
 * least examined, never a bare declaration.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /** The message of a pass on a declaration alone, skipped so that CI does not count it as a tested pass. */
    public static final String DECLARED_ONLY = "pass on declaration only, not verified by evidence: ";

    /** Skipped: undecided, or a pass on the manufacturer's word alone. */
    static boolean skipped(Verdict v) {
        return v.verdict() == VerdictValue.INCONCLUSIVE || v.verdict() == VerdictValue.NOT_ASSESSED
                || v.verdict() == VerdictValue.PASS && v.basis() == Basis.DECLARED;
    }

    public static String render(Assessment a) {
        StringBuilder body = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (StandardSummary s : a.summary()) {
            List<Verdict> cases = a.verdictsOf(s.standard()).stream()
                    .filter(v -> v.applicable() != Applicable.NO && v.verdict() != VerdictValue.NOT_APPLICABLE).toList();
            int f = (int) cases.stream().filter(v -> v.verdict() == VerdictValue.FAIL).count();
            int sk = (int) cases.stream().filter(JUnitReport::skipped).count();
            tests += cases.size();
            failures += f;
            skipped += sk;
            body.append("  <testsuite name=\"").append(Xml.esc(s.standard())).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(f).append("\" errors=\"0\" skipped=\"").append(sk)
                    .append("\" timestamp=\"").append(a.createdAt() == null ? "" : Xml.esc(a.createdAt().toString()))
                    .append("\">\n");
            body.append("    <properties><property name=\"title\" value=\"").append(Xml.esc(s.title()))
                    .append("\"/><property name=\"version\" value=\"").append(Xml.esc(s.version())).append("\"/>");
            for (Basis b : List.of(Basis.VERIFIED, Basis.DECLARED_CONSISTENT, Basis.DECLARED, Basis.INFERRED)) {
                body.append("<property name=\"passes.").append(b.id()).append("\" value=\"").append(s.passes(b)).append("\"/>");
            }
            body.append("<property name=\"passes\" value=\"").append(Xml.esc(BasisText.passSplit(s))).append("\"/></properties>\n");
            for (Verdict v : cases) {
                body.append("    <testcase classname=\"").append(Xml.esc(s.standard() + "." + (v.clause() == null ? "" : v.clause())))
                        .append("\" name=\"").append(Xml.esc(v.requirement() + (v.title() == null ? "" : " " + v.title())))
                        .append("\" time=\"0\">\n      <properties><property name=\"basis\" value=\"").append(Xml.esc(v.basis().id()))
                        .append("\"/>").append(v.conflict() ? "<property name=\"conflict\" value=\"true\"/>" : "")
                        .append("</properties>\n");
                String detail = "reason: " + v.reason()
                        + (v.findings().isEmpty() ? "" : "\nfindings: " + String.join(", ", v.findings()))
                        + "\nbasis: " + v.basis().id()
                        + (v.declaration() == null ? "" : "\ndeclared: " + v.declaration().support())
                        + (v.remediation() == null ? "" : "\nremediation: " + v.remediation());
                if (v.verdict() == VerdictValue.FAIL) {
                    body.append("      <failure type=\"").append(v.mandatory() ? "mandatory" : "recommended")
                            .append("\" message=\"").append(Xml.esc(v.reason())).append("\">").append(Xml.esc(detail))
                            .append("</failure>\n");
                } else if (v.verdict() == VerdictValue.PASS && v.basis() == Basis.DECLARED) {
                    body.append("      <skipped message=\"").append(Xml.esc(DECLARED_ONLY + v.reason())).append("\"/>\n");
                } else if (skipped(v)) {
                    body.append("      <skipped message=\"").append(Xml.esc(v.verdict().id() + ": " + v.reason())).append("\"/>\n");
                } else if (v.verdict() == VerdictValue.PASS && v.basis() != Basis.VERIFIED) {
                    body.append("      <system-out>").append(Xml.esc("basis: " + v.basis().id() + " (" + BasisText.label(v.basis())
                            + ")\nreason: " + v.reason())).append("</system-out>\n");
                }
                body.append("    </testcase>\n");
            }
            body.append("  </testsuite>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"iotb assessment: "
                + Xml.esc(a.product().displayName()) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\">\n" + body + "</testsuites>\n";
    }
}
