package org.iotb.store.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.iotb.assess.Assessment;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.model.Outcome;

/**
 * What a batch keeps of one image's assessment beside its JSON: the failed mandatory requirements counted per
 * standard id (summary.json's {@code failedMandatory}), the keys ({@code standard:requirement}) of every failed
 * requirement and the ids of every failing check (what the corpus overview counts). Small enough for a database row.
 */
public record ImageOutcome(Map<String, Integer> failedMandatory, List<String> failedRequirements,
                           List<String> failingChecks) {

    public ImageOutcome {
        // keeps the assessment's order of standards (the catalog's): summary.csv's columns follow it
        failedMandatory = failedMandatory == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failedMandatory));
        failedRequirements = failedRequirements == null ? List.of() : List.copyOf(failedRequirements);
        failingChecks = failingChecks == null ? List.of() : List.copyOf(failingChecks);
    }

    public static ImageOutcome of(Assessment a) {
        Map<String, Integer> failed = new LinkedHashMap<>();
        for (StandardSummary s : a.summary()) {
            failed.put(s.standard(), s.mandatoryFailures().size());
        }
        List<String> requirements = new ArrayList<>();
        for (Verdict v : a.verdicts()) {
            if (v.verdict() == VerdictValue.FAIL) {
                requirements.add(v.key());
            }
        }
        TreeSet<String> checks = new TreeSet<>();
        for (AssessedFinding f : a.findings()) {
            if (f.outcome() == Outcome.FAIL) {
                checks.add(f.check());
            }
        }
        return new ImageOutcome(failed, requirements, new ArrayList<>(checks));
    }

    public int failedMandatoryTotal() {
        return failedMandatory.values().stream().mapToInt(Integer::intValue).sum();
    }
}
