package org.iotb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.Assessment;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Json;
import org.iotb.model.Outcome;

/**
 * What a new firmware version fixed and broke, per standard: every requirement whose verdict changed between two
 * assessments. fixed = fail → pass where the checks that failed before ran again; broke = anything else → fail
 * (pass → fail first of all); other = the rest (e.g. not-assessed → pass, fail → not-applicable, or a fail that
 * went away only because its checks did not run this time, which {@code note} says). Requirements present in
 * only one assessment are listed as added/removed.
 */
public final class DiffReport {
    private DiffReport() {
    }

    public record Change(String requirement, String title, String status, VerdictValue from, VerdictValue to,
                         String oldReason, String newReason, String note) {
    }

    /** {@code stillFailing}: failed in both (the verdict did not change), what a release did not fix yet. */
    public record StandardDiff(String standard, String title, List<Change> fixed, List<Change> broke,
                               List<Change> other, List<Change> stillFailing, List<String> added, List<String> removed) {
        public boolean empty() {
            return fixed.isEmpty() && broke.isEmpty() && other.isEmpty() && added.isEmpty() && removed.isEmpty();
        }
    }

    /** {@code oldInputs}/{@code newInputs}: the names of each assessment's inputs (firmware files, devices). */
    public record Diff(String oldProduct, String newProduct, String oldCreatedAt, String newCreatedAt,
                       List<String> oldInputs, List<String> newInputs, List<StandardDiff> standards) {
        public boolean broke() {
            return standards.stream().anyMatch(s -> !s.broke().isEmpty());
        }

        public int changes() {
            return standards.stream().mapToInt(s -> s.fixed().size() + s.broke().size() + s.other().size()).sum();
        }
    }

    public static Diff compare(Assessment old, Assessment neu) {
        Set<String> standards = new LinkedHashSet<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Assessment a : List.of(old, neu)) {
            for (StandardSummary s : a.summary()) {
                standards.add(s.standard());
                titles.putIfAbsent(s.standard(), s.shortTitle() != null ? s.shortTitle() : s.title());
            }
            a.verdicts().forEach(v -> standards.add(v.standard()));
        }
        List<StandardDiff> out = new ArrayList<>();
        for (String std : standards) {
            Map<String, Verdict> before = byId(old.verdictsOf(std));
            Map<String, Verdict> after = byId(neu.verdictsOf(std));
            List<Change> fixed = new ArrayList<>();
            List<Change> broke = new ArrayList<>();
            List<Change> other = new ArrayList<>();
            List<Change> stillFailing = new ArrayList<>();
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (Verdict b : before.values()) {
                Verdict n = after.get(b.requirement());
                if (n == null) {
                    removed.add(b.requirement());
                    continue;
                }
                if (b.verdict() == n.verdict()) {
                    if (n.verdict() == VerdictValue.FAIL) {
                        stillFailing.add(new Change(n.requirement(), n.title(), n.status(), b.verdict(), n.verdict(), b.reason(),
                                n.reason(), null));
                    }
                    continue;
                }
                String note = null;
                if (b.verdict() == VerdictValue.FAIL) {
                    List<String> failedBefore = b.findings().stream().filter(check -> old.findings().stream()
                            .anyMatch(f -> f.check().equals(check) && f.outcome() == Outcome.FAIL)).toList();
                    List<String> notRetested = notRetested(failedBefore, neu);
                    if (!notRetested.isEmpty()) {
                        note = "not re-tested: " + String.join(", ", notRetested) + " did not run in the new assessment";
                    }
                }
                Change c = new Change(n.requirement(), n.title(), n.status(), b.verdict(), n.verdict(), b.reason(),
                        n.reason(), note);
                if (b.verdict() == VerdictValue.FAIL && n.verdict() == VerdictValue.PASS && note == null) {
                    fixed.add(c);
                } else if (n.verdict() == VerdictValue.FAIL) {
                    broke.add(c);
                } else {
                    other.add(c);
                }
            }
            for (String id : after.keySet()) {
                if (!before.containsKey(id)) {
                    added.add(id);
                }
            }
            out.add(new StandardDiff(std, titles.getOrDefault(std, std), fixed, broke, other, stillFailing, added, removed));
        }
        return new Diff(old.product().displayName(), neu.product().displayName(),
                old.createdAt() == null ? null : old.createdAt().toString(),
                neu.createdAt() == null ? null : neu.createdAt().toString(), inputNames(old), inputNames(neu), out);
    }

    private static List<String> inputNames(Assessment a) {
        return a.inputs().stream().map(r -> r.name() != null ? r.name() : r.host()).filter(java.util.Objects::nonNull).toList();
    }

    /** The checks behind an old failure that produced no finding (or only not-run) in the new assessment. */
    private static List<String> notRetested(List<String> oldChecks, Assessment neu) {
        List<String> out = new ArrayList<>();
        for (String check : oldChecks) {
            boolean ran = neu.findings().stream().anyMatch(f -> f.check().equals(check) && f.outcome() != Outcome.NOT_RUN);
            if (!ran) {
                out.add(check);
            }
        }
        return out;
    }

    private static Map<String, Verdict> byId(List<Verdict> vs) {
        Map<String, Verdict> m = new LinkedHashMap<>();
        vs.forEach(v -> m.put(v.requirement(), v));
        return m;
    }

    public static String json(Diff d) {
        try {
            return Json.mapper().writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The diff as a self-contained HTML page: broke, fixed, still failing and other changes per standard. */
    public static String html(Diff d) {
        return org.iotb.report.html.DiffPage.render(d);
    }

    public static String text(Diff d) {
        StringBuilder b = new StringBuilder();
        b.append("old: ").append(d.oldProduct()).append(d.oldCreatedAt() == null ? "" : " (" + d.oldCreatedAt() + ")").append('\n');
        b.append("new: ").append(d.newProduct()).append(d.newCreatedAt() == null ? "" : " (" + d.newCreatedAt() + ")").append('\n');
        for (StandardDiff s : d.standards()) {
            b.append('\n').append(s.standard()).append(" (").append(s.title()).append("): ");
            if (s.empty()) {
                b.append("no verdict changed\n");
                continue;
            }
            b.append(s.fixed().size()).append(" fixed, ").append(s.broke().size()).append(" broke, ")
                    .append(s.other().size()).append(" other\n");
            section(b, "fixed", s.fixed());
            section(b, "broke", s.broke());
            section(b, "other", s.other());
            if (!s.added().isEmpty()) {
                b.append("  added requirements: ").append(String.join(", ", s.added())).append('\n');
            }
            if (!s.removed().isEmpty()) {
                b.append("  removed requirements: ").append(String.join(", ", s.removed())).append('\n');
            }
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String name, List<Change> changes) {
        for (Change c : changes) {
            b.append("  ").append(String.format("%-6s", name)).append(' ').append(c.requirement())
                    .append(' ').append(c.from().id()).append(" -> ").append(c.to().id())
                    .append(c.title() == null ? "" : "  " + c.title()).append('\n');
            b.append("         now: ").append(c.newReason()).append('\n');
            if (c.note() != null) {
                b.append("         note: ").append(c.note()).append('\n');
            }
        }
    }
}
