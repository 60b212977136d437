package org.iotb.pipeline.stage;

/**
 * The stages of an assessment run whose outputs are stored (docs/architecture.md, "Stages"). Each depends only on
 * the stages before it and its own inputs, so new vulnerability data re-runs {@link #MATCH} and {@link #VERDICTS},
 * new declarations only {@link #VERDICTS}. Probing a device is not a stage: a live device is asked every time.
 * Reports are rendered by the caller from the assessment.
 */
public enum Stage {
    /** Per image: unpack, firmware checks, SBOM, facts, code evidence ({@link org.iotb.pipeline.firmware.FirmwareEvidence}). */
    EVIDENCE("evidence"),
    /** Per image: the SBOM against a vulnerability-data snapshot, the lab's VEX triage and the age limit. */
    MATCH("match"),
    /** Per run: every image's evidence and match, the device scans, profile, declarations and IXIT → the assessment. */
    VERDICTS("verdicts");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    /** The stage's name in keys, stored outputs and messages. */
    public String id() {
        return id;
    }
}
