package org.iotb.cli.assess;

import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.VerdictValue;

/** The few lines `iotb assess` prints when it is done: totals per standard and the failed mandatory ids. */
final class Summary {
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
            if (!s.mandatoryFailures().isEmpty()) {
                b.append("  failed mandatory: ").append(String.join(", ", s.mandatoryFailures())).append('\n');
            }
        }
        a.warnings().forEach(w -> b.append("warning: ").append(w).append('\n'));
        return b.toString();
    }
}
