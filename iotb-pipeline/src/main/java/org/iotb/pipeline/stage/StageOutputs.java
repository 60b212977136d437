package org.iotb.pipeline.stage;

import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.model.Finding;
import org.iotb.sbom.vuln.VulnDataSnapshot;

/**
 * The stored outputs of the match and verdict stages (the evidence stage's is
 * {@link org.iotb.pipeline.firmware.FirmwareEvidence}).
 */
public final class StageOutputs {
    private StageOutputs() {
    }

    /**
     * One image's SBOM judged against vulnerability data: the SBOM findings (inventory, vulnerable components,
     * end-of-life lines, triaged and ruled-out CVEs) and the data's snapshot the assessment states.
     */
    public record Match(List<Finding> findings, VulnDataSnapshot snapshot) {
        public Match {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /**
     * The assessment, and why nothing could be examined when that is so (the run then ends with
     * {@link org.iotb.pipeline.NothingExaminedException} carrying the assessment, stored or not).
     */
    public record Verdicts(Assessment assessment, String nothingExamined) {
    }
}
