package org.iotb.assess.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotb.assess.Applicable;
import org.iotb.assess.AssessedFinding;
import org.iotb.assess.Assessment;
import org.iotb.assess.Assessor;
import org.iotb.assess.Basis;
import org.iotb.assess.StandardSummary;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;
import org.iotb.assess.conformance.ConformanceStatement;
import org.iotb.assess.conformance.ConformanceStatements;
import org.iotb.assess.testrecord.DecidedUnits;
import org.iotb.assess.verdict.DerivedVerdicts;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;
import org.iotb.model.Outcome;

/**
 * Weighs the lab's observations in the verdicts (docs/assessment.md, "Lab observations"). An observation is
 * observed evidence, like a check's finding but made by people: it bears on its requirement and, through the
 * crosswalk, on that requirement's equivalent twins. After the verdict rules R1–R10 have run on the automated
 * evidence and the declarations:
 * <ul>
 *   <li>L1 not applicable / undetermined: unchanged; the reason says the observation was not counted;</li>
 *   <li>L2 a lab {@code fail}: fail, basis {@code verified}; a declared Y (or N/A), or another lab observation that
 *       passed, makes it a conflict;</li>
 *   <li>L3 a lab {@code pass} where an automated check fails: stays fail, and is a conflict;</li>
 *   <li>L4 a lab {@code pass} otherwise: pass, basis {@code verified} (the lab is the source); a declared N makes it a
 *       conflict;</li>
 *   <li>L5 {@code inconclusive} and {@code info}: the verdict stays; its reason names the observation.</li>
 * </ul>
 * Pure: the assessment in, a new one out, with summaries and conformance statements recomputed when a verdict changed
 * and the lab record attached (each observation listing the verdicts it bears on).
 */
public final class LabJudgement {
    private LabJudgement() {
    }

    public static Assessment apply(Assessment a, LabRecord lab, Catalog catalog) {
        Map<String, List<LabObservation>> byKey = new LinkedHashMap<>();
        Set<String> assessed = new LinkedHashSet<>();
        a.verdicts().forEach(v -> assessed.add(v.key()));
        List<LabObservation> observations = new ArrayList<>();
        for (LabObservation o : lab.observations()) {
            List<String> keys = new ArrayList<>();
            keys.add(o.requirement());
            keys.addAll(catalog.crosswalk().equivalents(o.requirement()));
            List<String> bears = keys.stream().filter(assessed::contains).toList();
            bears.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(o));
            observations.add(o.withVerdicts(bears));
        }
        List<Verdict> verdicts = new ArrayList<>();
        boolean changed = false;
        for (Verdict v : a.verdicts()) {
            List<LabObservation> obs = byKey.get(v.key());
            Verdict judged = obs == null ? v : judge(v, obs, a.findingsOf(v.checks()));
            changed |= judged != v;
            verdicts.add(judged);
        }
        if (changed) {
            verdicts = DerivedVerdicts.apply(catalog, verdicts); // derived views follow their re-judged sources
        }
        Assessment out = a.withLab(lab.withObservations(observations));
        Map<String, DecidedUnits.Decision> units = unitDecisions(lab);
        if (!changed && units.isEmpty()) {
            return out;
        }
        List<ConformanceStatement> statements = (changed ? conformance(a, verdicts, catalog) : a.conformance()).stream()
                .map(c -> c.withTestRecord(DecidedUnits.apply(c.testRecord(), units))).toList();
        return out.withVerdicts(verdicts, changed ? summaries(a, verdicts, catalog) : a.summary(), statements);
    }

    /**
     * The TS 103 701 units the lab observed itself (an observation whose {@code test-case} is a unit id such as
     * "5.6-4-1a", with a pass or fail): those
     * are decided by the lab, basis verified, whatever the automated evidence could say of them (often nothing: units
     * only a lab can test).
     */
    static Map<String, DecidedUnits.Decision> unitDecisions(LabRecord lab) {
        Map<String, DecidedUnits.Decision> out = new LinkedHashMap<>();
        for (LabObservation o : lab.observations()) {
            if (o.testCase() == null || (o.result() != LabResult.PASS && o.result() != LabResult.FAIL)) {
                continue;
            }
            VerdictValue v = o.result() == LabResult.PASS ? VerdictValue.PASS : VerdictValue.FAIL;
            DecidedUnits.Decision earlier = out.get(o.testCase());
            if (earlier != null && earlier.verdict() == VerdictValue.FAIL) {
                continue; // one failing observation of a unit is enough; a later pass does not undo it
            }
            out.put(o.testCase(), new DecidedUnits.Decision(v, Basis.VERIFIED,
                    "lab observation " + o.id() + " (" + o.result().id() + "): " + o.done()));
        }
        return out;
    }

    /** One verdict with the lab observations on its requirement (rules L1–L5 of the class comment). */
    static Verdict judge(Verdict v, List<LabObservation> obs, List<AssessedFinding> findings) {
        List<LabObservation> fails = obs.stream().filter(o -> o.result() == LabResult.FAIL).toList();
        List<LabObservation> passes = obs.stream().filter(o -> o.result() == LabResult.PASS).toList();
        List<LabObservation> others = obs.stream()
                .filter(o -> o.result() != LabResult.FAIL && o.result() != LabResult.PASS).toList();
        String notes = others.isEmpty() ? "" : "; lab observation " + names(others);
        // L1: applicability decides first, as it does for failing checks
        if (v.applicable() != Applicable.YES) {
            if (fails.isEmpty() && passes.isEmpty()) {
                return with(v, v.verdict(), v.basis(), v.reason() + notes, v.conflict());
            }
            String note = v.applicable() == Applicable.NO
                    ? " (lab observation " + names(concat(fails, passes)) + " was not counted)"
                    : "; lab observation " + names(concat(fails, passes)) + " would count if it applies";
            return with(v, v.verdict(), v.basis(), v.reason() + note + notes, v.conflict());
        }
        boolean declaredYes = v.declaration() != null && v.declaration().yes();
        boolean declaredNa = v.declaration() != null && v.declaration().notApplicable();
        boolean declaredNo = v.declaration() != null && v.declaration().no();
        // L2: the lab saw it fail; that outranks any declaration
        if (!fails.isEmpty()) {
            String seen = "lab observation " + names(fails);
            boolean conflict = v.conflict() || declaredYes || declaredNa || !passes.isEmpty();
            String reason;
            if (v.verdict() == VerdictValue.FAIL && v.basis() == Basis.VERIFIED) {
                reason = v.reason() + "; " + seen; // automated checks failed it too
            } else if (declaredYes || declaredNa) {
                reason = "conflict: declared " + (declaredYes ? "Y" : "not applicable") + ", but " + seen;
            } else {
                reason = seen + (declaredNo ? "; declared not supported too" : "");
            }
            if (!passes.isEmpty()) {
                reason += "; against lab observation " + names(passes);
            }
            return with(v, VerdictValue.FAIL, Basis.VERIFIED, reason + notes, conflict);
        }
        if (!passes.isEmpty()) {
            String seen = "lab observation " + names(passes);
            List<AssessedFinding> failing = findings.stream().filter(f -> f.outcome() == Outcome.FAIL).toList();
            // L3: a check the lab's pass cannot outweigh
            if (!failing.isEmpty()) {
                Set<String> ids = new LinkedHashSet<>();
                failing.forEach(f -> ids.add(f.check()));
                String reason = "conflict: " + (v.verdict() == VerdictValue.FAIL ? strip(v.reason())
                        : "automated checks " + String.join(", ", ids) + " failed") + "; although " + seen;
                return with(v, VerdictValue.FAIL, Basis.VERIFIED, reason + notes, true);
            }
            // L4: the lab saw it met
            String reason = (declaredYes ? "declared Y and " : "") + seen;
            boolean conflict = v.conflict();
            if (declaredNo) {
                reason = "conflict: declared not supported, but " + seen;
                conflict = true;
            }
            List<String> warned = findings.stream().filter(f -> f.outcome() == Outcome.WARNING)
                    .map(AssessedFinding::check).distinct().toList();
            if (!warned.isEmpty()) {
                reason += "; warnings to review: " + String.join(", ", warned);
            }
            return with(v, VerdictValue.PASS, Basis.VERIFIED, reason + notes, conflict);
        }
        // L5: recorded, no verdict change
        return with(v, v.verdict(), v.basis(), v.reason() + notes, v.conflict());
    }

    private static String strip(String reason) {
        return reason.startsWith("conflict: ") ? reason.substring("conflict: ".length()) : reason;
    }

    private static List<LabObservation> concat(List<LabObservation> a, List<LabObservation> b) {
        List<LabObservation> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String names(List<LabObservation> obs) {
        return String.join("; ", obs.stream().map(LabObservation::summary).toList());
    }

    private static Verdict with(Verdict v, VerdictValue value, Basis basis, String reason, boolean conflict) {
        return new Verdict(v.standard(), v.requirement(), v.clause(), v.clauseTitle(), v.title(), v.status(),
                v.applicable(), v.applicabilityReason(), value, basis, reason, v.findings(), v.declaration(), conflict,
                v.automated(), v.checks(), v.remediation(), v.derivedFrom());
    }

    private static List<StandardSummary> summaries(Assessment a, List<Verdict> verdicts, Catalog catalog) {
        List<StandardSummary> out = new ArrayList<>();
        for (StandardSummary s : a.summary()) {
            Standard standard = catalog.standard(s.standard()).orElse(null);
            List<Verdict> of = verdicts.stream().filter(v -> v.standard().equals(s.standard())).toList();
            out.add(standard == null ? s : Assessor.summarise(standard, of));
        }
        return out;
    }

    /** The statements weigh the verdicts (contradicted rows): recomputed for the standards the assessment has. */
    private static List<ConformanceStatement> conformance(Assessment a, List<Verdict> verdicts, Catalog catalog) {
        Set<String> ids = new LinkedHashSet<>();
        a.conformance().forEach(c -> ids.add(c.standard()));
        // The TS 103 701 record rests on the units' own evidence, not on the lab's observations: carried over as it was.
        Map<String, ConformanceStatement> before = new HashMap<>();
        a.conformance().forEach(c -> before.put(c.standard(), c));
        return ConformanceStatements.of(catalog, Assessor.declaredProfile(a, catalog), Assessor.declarations(a), verdicts)
                .stream().filter(c -> ids.contains(c.standard()))
                .map(c -> c.withTestRecord(before.get(c.standard()).testRecord())).toList();
    }
}
