package org.iotb.report;

import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.CheckIds;
import org.iotb.assess.Verdict;

/** Which requirements a check bears on, read from the assessment's verdicts (each lists its checks). */
public final class Requirements {
    private Requirements() {
    }

    /** "etsi-en-303-645:5.1-1" keys of the requirements whose checks include {@code checkId}. */
    public static List<String> of(Assessment a, String checkId) {
        return verdictsOf(a, checkId).stream().map(Verdict::key).toList();
    }

    /** The verdicts of the requirements whose checks include {@code checkId}, in assessment order. */
    public static List<Verdict> verdictsOf(Assessment a, String checkId) {
        List<Verdict> out = new ArrayList<>();
        for (Verdict v : a.verdicts()) {
            if (CheckIds.matchesAny(v.checks(), checkId)) {
                out.add(v);
            }
        }
        return out;
    }
}
