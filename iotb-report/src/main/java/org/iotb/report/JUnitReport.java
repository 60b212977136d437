package org.iotb.report;

import java.util.List;
import org.iotb.assess.Applicable;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;

/**
 * JUnit XML for CI dashboards: a test suite per standard, a test case per requirement that applies (or whose
 * applicability is undetermined): fail → failure, inconclusive/not-assessed → skipped with the reason,
 * pass → passed. Not-applicable requirements are not tests.
 */
public final class JUnitReport {
    private JUnitReport() {
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
            int sk = (int) cases.stream().filter(v -> v.verdict() == VerdictValue.INCONCLUSIVE
                    || v.verdict() == VerdictValue.NOT_ASSESSED).count();
            tests += cases.size();
            failures += f;
            skipped += sk;
            body.append("  <testsuite name=\"").append(Xml.esc(s.standard())).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(f).append("\" errors=\"0\" skipped=\"").append(sk)
                    .append("\" timestamp=\"").append(a.createdAt() == null ? "" : Xml.esc(a.createdAt().toString()))
                    .append("\">\n");
            body.append("    <properties><property name=\"title\" value=\"").append(Xml.esc(s.title()))
                    .append("\"/><property name=\"version\" value=\"").append(Xml.esc(s.version())).append("\"/></properties>\n");
            for (Verdict v : cases) {
                body.append("    <testcase classname=\"").append(Xml.esc(s.standard() + "." + (v.clause() == null ? "" : v.clause())))
                        .append("\" name=\"").append(Xml.esc(v.requirement() + (v.title() == null ? "" : " " + v.title())))
                        .append("\" time=\"0\"");
                String detail = "reason: " + v.reason()
                        + (v.findings().isEmpty() ? "" : "\nfindings: " + String.join(", ", v.findings()))
                        + (v.declaration() == null ? "" : "\ndeclared: " + v.declaration().support())
                        + (v.remediation() == null ? "" : "\nremediation: " + v.remediation());
                switch (v.verdict()) {
                    case FAIL -> body.append(">\n      <failure type=\"").append(v.mandatory() ? "mandatory" : "recommended")
                            .append("\" message=\"").append(Xml.esc(v.reason())).append("\">").append(Xml.esc(detail))
                            .append("</failure>\n    </testcase>\n");
                    case INCONCLUSIVE, NOT_ASSESSED -> body.append(">\n      <skipped message=\"")
                            .append(Xml.esc(v.verdict().id() + ": " + v.reason())).append("\"/>\n    </testcase>\n");
                    default -> body.append("/>\n");
                }
            }
            body.append("  </testsuite>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"iotb assessment: "
                + Xml.esc(a.product().displayName()) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\">\n" + body + "</testsuites>\n";
    }
}
