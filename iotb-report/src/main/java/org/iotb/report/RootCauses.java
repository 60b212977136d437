package org.iotb.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotb.assess.Assessment;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;

/**
 * The distinct root causes behind the failed mandatory requirements of all standards, so a bottom line counts each
 * cause once: one default password fails EN 303 645 5.1-1, its MTSFB twin and a Xiaomi item, but it is one thing to
 * fix. A cause is a failing check (the check ids a fail rests on) or, for a fail on a declared "N", the declaration
 * (a carried answer counts as the requirement it was carried from).
 */
public final class RootCauses {
    private RootCauses() {
    }

    /** The root causes in order of first appearance (catalog order of the failed requirements). */
    public static List<String> of(Assessment a) {
        Set<String> causes = new LinkedHashSet<>();
        for (Verdict v : a.verdicts()) {
            if (v.verdict() != VerdictValue.FAIL || !v.mandatory()) {
                continue;
            }
            if (!v.findings().isEmpty()) {
                causes.addAll(v.findings());
            } else {
                DeclarationRef d = v.declaration();
                String origin = d != null && d.carriedFrom() != null ? d.carriedFrom() : v.key();
                causes.add("declared N: " + origin);
            }
        }
        return new ArrayList<>(causes);
    }

    /** "17 failed mandatory requirements come from 6 root causes: fw.cred.default-password, …", or empty. */
    public static String statement(Assessment a, int failedMandatory) {
        List<String> causes = of(a);
        if (causes.isEmpty() || failedMandatory == 0) {
            return "";
        }
        int shown = Math.min(causes.size(), 8);
        return failedMandatory + (failedMandatory == 1 ? " failed mandatory requirement comes" : " failed mandatory requirements come")
                + " from " + causes.size() + (causes.size() == 1 ? " root cause: " : " root causes: ")
                + String.join(", ", causes.subList(0, shown))
                + (causes.size() > shown ? " and " + (causes.size() - shown) + " more" : "") + ".";
    }
}
