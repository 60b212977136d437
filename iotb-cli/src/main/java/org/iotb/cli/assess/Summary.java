package org.iotb.cli.assess;

import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.assess.lab.LabObservation;
import org.iotb.assess.lab.LabRecord;
import org.iotb.assess.lab.LabResult;
import org.iotb.report.RootCauses;
import org.iotb.report.BasisText;

/**
 * The few lines `iotb assess` prints when it is done: totals per standard, what the passes rest on (verified vs
 * declared, in the words of every report: {@link BasisText}), the failed mandatory ids, the conflicts between
 * evidence and claims, and a bottom line that says how much was verified by evidence.
 */
final class Summary {
    /** Conflicts named one by one up to this many; the reports list them all. */
    private static final int MAX_CONFLICTS = 10;

    private Summary() {
    }

    static String text(Assessment a) {
        StringBuilder b = new StringBuilder();
        a.levels().values().forEach(l -> b.append(l.label()).append(": ").append(l.reason()).append('\n'));
        b.append(String.format("%-22s %5s %5s %5s %5s %5s %5s%n", "STANDARD", "PASS", "FAIL", "INCON", "N.ASS", "N/A", "TOTAL"));
        for (StandardSummary s : a.summary()) {
            b.append(String.format("%-22s %5d %5d %5d %5d %5d %5d%n", s.standard(), s.count(VerdictValue.PASS),
                    s.count(VerdictValue.FAIL), s.count(VerdictValue.INCONCLUSIVE), s.count(VerdictValue.NOT_ASSESSED),
                    s.count(VerdictValue.NOT_APPLICABLE), s.total()));
            if (s.count(VerdictValue.PASS) > 0) {
                b.append("  ").append(BasisText.passSplit(s)).append('\n');
            }
            String derived = DerivedSummary.line(a, s.standard());
            if (!derived.isEmpty()) {
                b.append("  ").append(derived).append('\n');
            }
            if (!s.mandatoryFailures().isEmpty()) {
                b.append("  failed mandatory: ").append(String.join(", ", s.mandatoryFailures())).append('\n');
            }
        }
        lab(b, a);
        List<Verdict> conflicts = BasisText.conflicts(a);
        if (!conflicts.isEmpty()) {
            List<String> keys = conflicts.stream().limit(MAX_CONFLICTS).map(Verdict::key).toList();
            b.append(conflicts.size()).append(conflicts.size() == 1 ? " conflict" : " conflicts")
                    .append(" (evidence contradicts a declaration or the profile): ").append(String.join(", ", keys)).append(conflicts.size() > MAX_CONFLICTS ? ", …" : "").append('\n');
        }
        int failedMandatory = a.summary().stream().mapToInt(s -> s.mandatoryFailures().size()).sum();
        String causes = RootCauses.statement(a, failedMandatory);
        if (!causes.isEmpty()) {
            b.append("root causes: ").append(causes).append('\n');
        }
        String verified = BasisText.verifiedStatement(a);
        if (!verified.isEmpty()) {
            b.append("bottom line: ").append(verified).append('\n');
        }
        if (a.vulnerabilityData() != null) {
            b.append(a.vulnerabilityData().describe()).append('\n');
        }
        a.warnings().forEach(w -> b.append("warning: ").append(w).append('\n'));
        return b.toString();
    }

    /** The lab's own observations, apart from the manufacturer's statements: how many, and which failed. */
    private static void lab(StringBuilder b, Assessment a) {
        LabRecord lab = a.lab();
        if (lab == null) {
            return;
        }
        List<LabObservation> obs = lab.observations();
        long fails = obs.stream().filter(o -> o.result() == LabResult.FAIL).count();
        long passes = obs.stream().filter(o -> o.result() == LabResult.PASS).count();
        b.append("lab: ").append(lab.labName()).append(lab.reportId() == null ? "" : ", report " + lab.reportId())
                .append(": ").append(obs.size()).append(obs.size() == 1 ? " observation" : " observations")
                .append(" (").append(fails).append(" fail, ").append(passes).append(" pass, ")
                .append(obs.size() - fails - passes).append(" other) on ")
                .append(obs.stream().mapToLong(o -> o.verdicts().size()).sum()).append(" verdicts\n");
        obs.stream().filter(o -> o.result() == LabResult.FAIL).forEach(o -> b.append("  lab observed a failure: ")
                .append(o.id()).append(" on ").append(String.join(", ", o.verdicts())).append('\n'));
    }
}
