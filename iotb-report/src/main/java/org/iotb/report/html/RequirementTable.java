package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Evidence;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;
import org.iotb.report.BasisText;

/**
 * For the engineer: every requirement with its verdict and reason, and (collapsed in the browser, in the annex of
 * the PDF) the applicability, the declaration, the checks and their findings with evidence, and the remediation.
 * Each row carries its verdict, basis, status and severity as data attributes, which the filters read.
 */
final class RequirementTable {
    /** Bounds that keep the page readable when a check reports hundreds of findings. */
    static final int MAX_FINDINGS = 25;
    static final int MAX_EVIDENCE = 8;
    static final int MAX_MESSAGE = 600;

    private RequirementTable() {
    }

    static void render(StringBuilder b, Assessment a, boolean pdf) {
        b.append("<h2 id=\"requirements\">Requirements</h2>\n");
        b.append("<p class=\"sub\">M = mandatory, R = recommended. ")
                .append(pdf ? "The evidence behind each failure is in the annex, once per root cause."
                        : "Open a requirement's details for the evidence behind its verdict.").append("</p>\n");
        if (!pdf) {
            Filters.form(b, a);
        }
        Map<String, Severity> worst = worstSeverityByCheck(a);
        for (StandardSummary s : a.summary()) {
            b.append("<h3 id=\"").append(Sections.anchor("requirements", s.standard())).append("\">")
                    .append(esc(Overview.standardName(s))).append("</h3>\n");
            b.append("<p class=\"split\">").append(esc(org.iotb.report.BasisText.passSplit(s))).append("</p>\n");
            DerivedFromHtml.note(b, a, s);
            b.append("<table class=\"grid reqs\"><tr><th>Requirement</th><th><abbr title=\"mandatory or recommended\">M/R</abbr></th>")
                    .append("<th>Verdict</th><th>Title and reason</th></tr>\n");
            String clause = null;
            for (Verdict v : a.verdictsOf(s.standard())) {
                if (v.clause() != null && !v.clause().equals(clause)) {
                    clause = v.clause();
                    b.append("<tr class=\"clause-row\"><td colspan=\"4\">").append(esc(clause)).append(' ')
                            .append(esc(v.clauseTitle() == null ? "" : v.clauseTitle())).append("</td></tr>\n");
                }
                row(b, a, v, pdf, severity(v, worst));
            }
            b.append("</table>\n");
        }
    }

    private static void row(StringBuilder b, Assessment a, Verdict v, boolean pdf, Severity severity) {
        b.append("<tr id=\"").append(Overview.anchor(v)).append("\" class=\"req\" data-verdict=\"").append(v.verdict().id())
                .append("\" data-basis=\"").append(v.basis() == null ? "none" : BasisText.cssId(v.basis()))
                .append(v.conflict() ? " conflict" : "")
                .append("\" data-status=\"").append(esc(v.status() == null ? "" : v.status()))
                .append("\" data-severity=\"").append(severity == null ? "" : severity.id())
                .append("\"><td class=\"id\">").append(esc(v.requirement()))
                .append("</td><td class=\"st\">").append(Labels.statusLetter(v.status())).append("</td><td class=\"verdict\">")
                .append(Labels.badge(v.verdict()));
        String basis = Labels.basisBadge(v.basis());
        if (!basis.isEmpty()) {
            b.append("<br/>").append(basis);
        }
        if (v.conflict()) {
            b.append("<br/>").append(Labels.conflictBadge());
        }
        if (severity != null) {
            b.append("<br/><span class=\"sev sev-").append(severity.id()).append("\">").append(severity.id()).append("</span>");
        }
        b.append("</td><td><b>").append(esc(v.title())).append("</b><br/>");
        if (v.conflict()) {
            b.append("<span class=\"conflict\">").append(esc(v.reason())).append("</span>");
        } else {
            b.append(esc(v.reason()));
        }
        if (pdf || v.verdict() == VerdictValue.NOT_APPLICABLE) {
            b.append("</td></tr>\n"); // the reason says why; the PDF has the evidence in its annex
            return;
        }
        b.append("<details><summary>Evidence and remediation</summary>");
        details(b, a, v);
        b.append("</details></td></tr>\n");
    }

    private static void details(StringBuilder b, Assessment a, Verdict v) {
        b.append("<div class=\"detail\">");
        kv(b, "Applicability (" + (v.applicable() == null ? "" : v.applicable().id()) + ")", esc(v.applicabilityReason()));
        if (v.declaration() == null) {
            kv(b, "Declaration", "none");
        } else {
            kv(b, "Declaration", "<b>" + esc(v.declaration().support()) + "</b> " + esc(v.declaration().detail())
                    + (v.declaration().evidence() == null ? "" : " <span class=\"sub\">[evidence: " + esc(v.declaration().evidence()) + "]</span>"));
        }
        if (v.derived()) {
            DerivedFromHtml.details(b, a, v);
        } else {
            kv(b, "Checks" + (v.checks().isEmpty() ? "" : v.automated() ? " (settle it automatically)" : " (support it; a declaration is needed)"),
                    v.checks().isEmpty() ? "none: only a declaration can decide it (never verified by evidence)" : "<span class=\"mono\">" + esc(String.join(", ", v.checks())) + "</span>");
        }
        List<AssessedFinding> findings = a.findingsOf(v.checks());
        if (!findings.isEmpty()) {
            b.append("<div class=\"kv\"><b>Findings (").append(findings.size()).append("):</b></div>");
            findings(b, findings);
        }
        if (v.remediation() != null && !v.remediation().isBlank()) {
            kv(b, "Remediation", esc(v.remediation()));
        }
        b.append("</div>");
    }

    /** The worst severity of each check's failing findings: what the severity filter and column show. */
    static Map<String, Severity> worstSeverityByCheck(Assessment a) {
        Map<String, Severity> m = new HashMap<>();
        for (AssessedFinding f : a.findings()) {
            if (f.outcome() == Outcome.FAIL && f.severity() != null) {
                m.merge(f.check(), f.severity(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return m;
    }

    /** A failed requirement's severity: the worst of the checks it fails on; null when not failed by a check. */
    static Severity severity(Verdict v, Map<String, Severity> worst) {
        Severity s = null;
        if (v.verdict() == VerdictValue.FAIL) {
            for (String check : v.findings()) {
                Severity c = worst.get(check);
                if (c != null && (s == null || c.compareTo(s) > 0)) {
                    s = c;
                }
            }
        }
        return s;
    }

    private static void kv(StringBuilder b, String key, String valueHtml) {
        b.append("<div class=\"kv\"><b>").append(esc(key)).append(":</b> ").append(valueHtml).append("</div>");
    }

    static void findings(StringBuilder b, List<AssessedFinding> findings) {
        // failures first: they are what the engineer verifies
        List<AssessedFinding> sorted = findings.stream().sorted((x, y) -> Integer.compare(rank(x.outcome()), rank(y.outcome()))).toList();
        int shown = 0;
        for (AssessedFinding f : sorted) {
            if (shown++ == MAX_FINDINGS) {
                b.append("<div class=\"sub\">… ").append(findings.size() - MAX_FINDINGS)
                        .append(" more in the assessment JSON</div>");
                break;
            }
            String o = f.outcome() == null ? "info" : f.outcome().id();
            b.append("<div class=\"finding\"><b class=\"o-").append(o).append("\">").append(esc(o)).append("</b> ")
                    .append("<span class=\"mono\">").append(esc(f.check())).append("</span> <span class=\"tag\">")
                    .append(esc(f.source())).append("</span> ").append(esc(clip(f.message())));
            int ev = 0;
            for (Evidence e : f.evidence()) {
                if (ev++ == MAX_EVIDENCE) {
                    b.append("<div class=\"ev sub\">… ").append(f.evidence().size() - MAX_EVIDENCE).append(" more locations</div>");
                    break;
                }
                b.append("<div class=\"ev mono\">").append(esc(where(e))).append("</div>");
            }
            b.append("</div>");
        }
    }

    /** Messages come from checks reading hostile input; keep one finding from flooding the page. */
    static String clip(String s) {
        return s == null || s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }

    static String where(Evidence e) {
        StringBuilder s = new StringBuilder();
        if (e.path() != null) {
            s.append(e.path());
            if (e.line() != null) {
                s.append(':').append(e.line());
            } else if (e.offset() != null) {
                s.append(" @0x").append(Long.toHexString(e.offset()));
            }
        }
        if (e.host() != null) {
            s.append(e.protocol() == null ? "" : e.protocol() + "://").append(e.host()).append(e.port() == null ? "" : ":" + e.port());
        }
        if (e.excerpt() != null) {
            s.append("  ").append(e.excerpt());
        }
        if (e.reply() != null) {
            s.append("  reply: ").append(e.reply());
        }
        if (e.fingerprint() != null) {
            s.append("  fingerprint ").append(e.fingerprint(), 0, Math.min(16, e.fingerprint().length())).append('…');
        }
        return s.toString();
    }

    private static int rank(Outcome o) {
        if (o == null) {
            return 4;
        }
        return switch (o) {
            case FAIL -> 0;
            case ERROR -> 1;
            case WARNING -> 2;
            case PASS -> 3;
            case INFO -> 4;
            case NOT_RUN -> 5;
        };
    }
}
