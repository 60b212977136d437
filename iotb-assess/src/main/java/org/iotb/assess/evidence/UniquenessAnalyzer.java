package org.iotb.assess.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.CheckIds;
import org.iotb.assess.InputKind;
import org.iotb.assess.SourceFindings;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * Per-unit uniqueness: given two or more units of one product (firmware dumps, or probed devices), a secret whose
 * fingerprint appears in more than one unit is shared by the units. Only fingerprints are compared and reported,
 * never secrets. Firmware units and device units are compared within their own kind.
 */
public final class UniquenessAnalyzer {
    public static final String CREDENTIALS = "assess.unique.credentials";
    public static final String KEYS = "assess.unique.keys";

    private final Map<String, List<String>> families;

    public UniquenessAnalyzer() {
        this(AssessData.load("uniqueness.yaml", new TypeReference<Map<String, List<String>>>() { }));
    }

    UniquenessAnalyzer(Map<String, List<String>> families) {
        this.families = families;
    }

    /**
     * @param units the findings of each input; inputs with identical sha256 must be passed once (the caller
     *              de-duplicates byte-identical dumps, see {@code Assessor})
     */
    public List<Finding> analyze(List<SourceFindings> units) {
        List<Finding> out = new ArrayList<>();
        out.add(compare(CREDENTIALS, "credentials", families.getOrDefault("credentials", List.of()), units));
        out.add(compare(KEYS, "keys", families.getOrDefault("keys", List.of()), units));
        return out;
    }

    private record Sighting(String unit, String check, Evidence where) {
    }

    private Finding compare(String checkId, String what, List<String> checks, List<SourceFindings> units) {
        Finding best = null;
        for (InputKind kind : List.of(InputKind.FIRMWARE, InputKind.DEVICE)) {
            List<SourceFindings> group = units.stream().filter(u -> u.kind() == kind).toList();
            if (group.size() < 2) {
                continue;
            }
            Finding f = compareGroup(checkId, what, checks, group, kind);
            if (best == null || rank(f.outcome()) > rank(best.outcome())) {
                best = f;
            }
        }
        if (best != null) {
            return best;
        }
        return Finding.notRun(checkId, "per-unit uniqueness needs two or more distinct units of the product"
                + " (--firmware unit1.bin --firmware unit2.bin, or two devices); "
                + describeCounts(units));
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case FAIL -> 3;
            case PASS -> 2;
            case INFO -> 1;
            default -> 0;
        };
    }

    private static String describeCounts(List<SourceFindings> units) {
        long fw = units.stream().filter(u -> u.kind() == InputKind.FIRMWARE).count();
        long dev = units.stream().filter(u -> u.kind() == InputKind.DEVICE).count();
        return "got " + fw + " firmware unit(s) and " + dev + " device(s)";
    }

    private Finding compareGroup(String checkId, String what, List<String> checks, List<SourceFindings> group,
                                 InputKind kind) {
        Map<String, List<Sighting>> byFingerprint = new LinkedHashMap<>();
        for (SourceFindings unit : group) {
            for (Finding f : unit.findings()) {
                if (f.outcome() == Outcome.NOT_RUN || !CheckIds.matchesAny(checks, f.check())) {
                    continue;
                }
                for (Evidence e : f.evidence()) {
                    if (e.fingerprint() != null && !e.fingerprint().isBlank()) {
                        byFingerprint.computeIfAbsent(e.fingerprint(), k -> new ArrayList<>())
                                .add(new Sighting(unit.inputName(), f.check(), e));
                    }
                }
            }
        }
        List<String> names = group.stream().map(SourceFindings::inputName).toList();
        String unitWord = kind == InputKind.FIRMWARE ? "firmware units" : "devices";
        if (byFingerprint.isEmpty()) {
            return Finding.of(checkId, Outcome.INFO, "no " + what + " with fingerprints found in the " + group.size()
                    + " " + unitWord + " compared (" + String.join(", ", names) + "); nothing to compare", List.of());
        }
        List<Evidence> shared = new ArrayList<>();
        int sharedCount = 0;
        for (Map.Entry<String, List<Sighting>> e : byFingerprint.entrySet()) {
            Set<String> inUnits = new LinkedHashSet<>();
            e.getValue().forEach(s -> inUnits.add(s.unit()));
            if (inUnits.size() < 2) {
                continue;
            }
            sharedCount++;
            for (Sighting s : e.getValue()) {
                shared.add(where(s, e.getKey()));
            }
        }
        if (sharedCount > 0) {
            String message = sharedCount + " of " + byFingerprint.size() + " " + what + " are identical across "
                    + unitWord + " " + String.join(", ", names) + " (same fingerprint in more than one unit)";
            return new Finding(checkId, Outcome.FAIL, Severity.HIGH, message, shared,
                    Map.of("units", names, "compared", byFingerprint.size(), "shared", sharedCount));
        }
        List<Evidence> lookedAt = new ArrayList<>();
        byFingerprint.forEach((fp, sightings) -> sightings.forEach(s -> lookedAt.add(where(s, fp))));
        return new Finding(checkId, Outcome.PASS, null, byFingerprint.size() + " " + what + " compared across "
                + unitWord + " " + String.join(", ", names) + "; each is unique to its unit", lookedAt,
                Map.of("units", names, "compared", byFingerprint.size(), "shared", 0));
    }

    /** Where a secret was seen, named by unit; the fingerprint, never the secret. */
    private static Evidence where(Sighting s, String fingerprint) {
        Evidence e = s.where();
        String excerpt = "unit " + s.unit() + ", check " + s.check();
        return new Evidence(e.path(), e.offset(), e.line(), excerpt, null, fingerprint, e.host(), e.port(),
                e.protocol(), null, null);
    }
}
