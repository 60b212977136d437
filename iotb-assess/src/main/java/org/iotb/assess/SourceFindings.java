package org.iotb.assess;

import java.util.List;
import org.iotb.model.Finding;
import org.iotb.model.facts.SystemFacts;

/**
 * The findings of one input (a firmware image or a probed device), as {@code iotb scan} produced them, the
 * typed facts observed on it ({@link SystemFacts#EMPTY} when none were gathered) and how far it could be
 * examined ({@link Examination#FULL} unless the pipeline says otherwise).
 */
public record SourceFindings(String inputName, InputKind kind, List<Finding> findings, SystemFacts facts,
                             Examination examination) {
    public SourceFindings {
        findings = findings == null ? List.of() : List.copyOf(findings);
        facts = facts == null ? SystemFacts.EMPTY : facts;
        examination = examination == null ? Examination.FULL : examination;
    }

    /** A fully examined input. */
    public SourceFindings(String inputName, InputKind kind, List<Finding> findings, SystemFacts facts) {
        this(inputName, kind, findings, facts, Examination.FULL);
    }

    /** Findings without facts. */
    public SourceFindings(String inputName, InputKind kind, List<Finding> findings) {
        this(inputName, kind, findings, SystemFacts.EMPTY);
    }

    public List<AssessedFinding> assessed() {
        return findings.stream().map(f -> AssessedFinding.of(inputName, f)).toList();
    }
}
