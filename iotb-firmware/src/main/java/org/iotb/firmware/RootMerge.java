package org.iotb.firmware;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotb.firmware.facts.FirmwareFactsExtractor;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.facts.SystemFacts;

/**
 * Combines the reports of several root file systems of one image: evidence paths get the root's directory as
 * prefix, and the findings of one check become one finding whose outcome is the most serious of the roots'.
 */
final class RootMerge {
    private RootMerge() {
    }

    static FirmwareScanner.Report prefixed(FirmwareScanner.Report r, Path rel) {
        String prefix = rel.toString().replace('\\', '/');
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            List<Evidence> ev = f.evidence().stream().map(e -> e.path() == null ? e : withPath(e, prefix + "/" + e.path())).toList();
            out.add(new Finding(f.check(), f.outcome(), f.severity(), f.message(), ev, prefixData(f.data(), prefix)));
        }
        List<String> warnings = r.warnings().stream().map(w -> prefix + ": " + w).toList();
        return new FirmwareScanner.Report(out, warnings, r.stats(), FirmwareFactsExtractor.prefixed(r.facts(), prefix));
    }

    static FirmwareScanner.Report merge(List<FirmwareScanner.Report> parts) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> stats = new LinkedHashMap<>();
        SystemFacts facts = SystemFacts.EMPTY;
        int i = 0;
        for (FirmwareScanner.Report p : parts) {
            facts = facts.merge(p.facts());
            p.findings().forEach(f -> byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f));
            warnings.addAll(p.warnings());
            stats.put("root" + (i++), p.stats());
        }
        List<Finding> merged = new ArrayList<>();
        byCheck.forEach((check, list) -> merged.add(mergeOne(check, list)));
        return new FirmwareScanner.Report(merged, warnings, stats, facts);
    }

    private static Finding mergeOne(String check, List<Finding> list) {
        if (list.size() == 1) {
            return list.get(0);
        }
        Finding worst = list.get(0);
        for (Finding f : list) {
            if (rank(f.outcome()) > rank(worst.outcome())) {
                worst = f;
            }
        }
        Outcome outcome = worst.outcome();
        List<String> messages = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (Finding f : list) {
            if (f.outcome() == Outcome.NOT_RUN && outcome != Outcome.NOT_RUN) {
                continue; // a root where the check had nothing to look at adds nothing
            }
            if (!messages.contains(f.message())) {
                messages.add(f.message());
            }
            // a fact of the image rather than of a root (no path: the update container) is said once
            f.evidence().stream().filter(e -> e.path() != null || !evidence.contains(e)).forEach(evidence::add);
            f.data().forEach((k, v) -> data.merge(k, v, RootMerge::mergeValue));
        }
        return new Finding(check, outcome, worst.severity(), String.join("; ", messages), evidence, data);
    }

    /** Seriousness for merging: a fail anywhere is a fail; not-run only when no root could be looked at. */
    private static int rank(Outcome o) {
        return switch (o) {
            case NOT_RUN -> 0;
            case PASS -> 1;
            case INFO -> 2;
            case WARNING -> 3;
            case ERROR -> 4;
            case FAIL -> 5;
        };
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object a, Object b) {
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            List<Object> l = new ArrayList<>((List<Object>) la);
            l.addAll(lb);
            return l;
        }
        return a;
    }

    /** Service records name the file that starts them ({@code source}): that path gets the prefix too. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> prefixData(Map<String, Object> data, String prefix) {
        if (!(data.get("services") instanceof List<?> services)) {
            return data;
        }
        List<Object> out = new ArrayList<>();
        for (Object s : services) {
            if (s instanceof Map<?, ?> m && m.get("source") instanceof String src && !src.contains(":")) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                copy.put("source", prefix + "/" + src);
                out.add(copy);
            } else {
                out.add(s);
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("services", out);
        return copy;
    }

    private static Evidence withPath(Evidence e, String path) {
        return new Evidence(path, e.offset(), e.line(), e.excerpt(), e.sha256(), e.fingerprint(), e.host(), e.port(),
                e.protocol(), e.request(), e.reply());
    }
}
