package org.iotb.assess.testrecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.Basis;
import org.iotb.assess.VerdictValue;

/**
 * How the verdicts of a test case's units (or a group's cases) combine, as TS 103 701 assigns them: a case passes
 * when every unit passes and fails when one fails; not applicable when none applies; not assessed when nothing was
 * assessed; inconclusive otherwise (information is missing for some unit). A pass rests on the weakest basis among
 * its parts; a fail on the basis of its first failing part.
 */
final class Outcomes {
    private Outcomes() {
    }

    record Combined(VerdictValue verdict, Basis basis, String reason) {
    }

    static Combined combine(List<VerdictValue> verdicts, List<Basis> bases, String parts) {
        if (verdicts.isEmpty()) {
            return new Combined(VerdictValue.NOT_ASSESSED, Basis.NONE, "no " + parts);
        }
        Map<VerdictValue, Integer> counts = new LinkedHashMap<>();
        for (VerdictValue v : VerdictValue.values()) {
            counts.put(v, 0);
        }
        verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
        StringBuilder reason = new StringBuilder();
        counts.forEach((v, n) -> {
            if (n > 0) {
                reason.append(reason.length() == 0 ? "" : ", ").append(n).append(' ').append(v.id());
            }
        });
        String account = reason + " (of " + verdicts.size() + " " + parts + ")";
        int n = verdicts.size();
        if (counts.get(VerdictValue.FAIL) > 0) {
            return new Combined(VerdictValue.FAIL, bases.get(verdicts.indexOf(VerdictValue.FAIL)), account);
        }
        if (counts.get(VerdictValue.NOT_APPLICABLE) == n) {
            return new Combined(VerdictValue.NOT_APPLICABLE, Basis.INFERRED, account);
        }
        if (counts.get(VerdictValue.PASS) + counts.get(VerdictValue.NOT_APPLICABLE) == n) {
            Basis weakest = Basis.VERIFIED;
            for (int i = 0; i < n; i++) {
                if (verdicts.get(i) == VerdictValue.PASS && rank(bases.get(i)) < rank(weakest)) {
                    weakest = bases.get(i);
                }
            }
            return new Combined(VerdictValue.PASS, weakest, account);
        }
        if (counts.get(VerdictValue.NOT_ASSESSED) == n) {
            return new Combined(VerdictValue.NOT_ASSESSED, Basis.NONE, account);
        }
        return new Combined(VerdictValue.INCONCLUSIVE, Basis.NONE, account);
    }

    /** Strength of what a pass rests on: the manufacturer's word alone is weakest. */
    private static int rank(Basis b) {
        return switch (b) {
            case VERIFIED -> 3;
            case DECLARED_CONSISTENT -> 2;
            case INFERRED -> 1;
            default -> 0;
        };
    }
}
