package org.iotb.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.DeclarationRef;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Checks;
import org.iotb.model.CheckDescriptor;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * The distinct root causes behind the failed mandatory requirements of all standards, so a bottom line counts each
 * cause once: one default password fails EN 303 645 5.1-1, its MTSFB twin and a Xiaomi item, but it is one thing to
 * fix. A cause is a failing check (the check ids a fail rests on) or, for a fail on a declared "N", the declaration
 * (a carried answer counts as the requirement it was carried from).
 *
 * <p>Causes are ranked for "what to fix first": the worst severity of the check's failing findings first, then the
 * one that fails the most requirements; a declared "N" has no severity and comes after every check.
 */
public final class RootCauses {
    private static final String DECLARED_PREFIX = "declared N: ";

    private RootCauses() {
    }

    /**
     * One root cause: the check (or declared "N") behind failed mandatory requirements, how bad its worst failing
     * finding is (null for a declaration), its title, how many failing findings it has and the requirements it fails.
     */
    public record Cause(String id, Severity severity, String title, int findings, List<Verdict> requirements) {
        public boolean declared() {
            return id.startsWith(DECLARED_PREFIX);
        }
    }

    /** The root causes, ranked (worst severity first, then the most requirements failed). */
    public static List<Cause> ranked(Assessment a) {
        Map<String, List<Verdict>> byCause = new LinkedHashMap<>();
        for (Verdict v : a.verdicts()) {
            if (v.verdict() != VerdictValue.FAIL || !v.mandatory()) {
                continue;
            }
            if (!v.findings().isEmpty()) {
                v.findings().forEach(check -> byCause.computeIfAbsent(check, k -> new ArrayList<>()).add(v));
            } else {
                DeclarationRef d = v.declaration();
                String origin = d != null && d.carriedFrom() != null ? d.carriedFrom() : v.key();
                byCause.computeIfAbsent(DECLARED_PREFIX + origin, k -> new ArrayList<>()).add(v);
            }
        }
        List<Cause> out = new ArrayList<>();
        byCause.forEach((id, verdicts) -> {
            Severity worst = null;
            int count = 0;
            for (AssessedFinding f : a.findings()) {
                if (f.check().equals(id) && f.outcome() == Outcome.FAIL) {
                    count++;
                    if (f.severity() != null && (worst == null || f.severity().compareTo(worst) > 0)) {
                        worst = f.severity();
                    }
                }
            }
            String title = id.startsWith(DECLARED_PREFIX) ? verdicts.get(0).title()
                    : Checks.find(id).map(CheckDescriptor::title).orElse(null);
            out.add(new Cause(id, worst, title, count, List.copyOf(verdicts)));
        });
        // stable sort: causes of the same rank keep catalog order
        out.sort(Comparator.comparingInt((Cause c) -> c.declared() ? 0 : c.severity() == null ? 1 : c.severity().ordinal() + 2)
                .reversed().thenComparing(Comparator.comparingInt((Cause c) -> c.requirements().size()).reversed()));
        return out;
    }

    /** The root causes' ids, ranked as {@link #ranked} does. */
    public static List<String> of(Assessment a) {
        return ranked(a).stream().map(Cause::id).toList();
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
