package org.iotb.assess.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing the lab did and saw: on which requirement ({@code "standard:id"}), on which unit and test case, what
 * was done, the result, and the files that document it (photos of the PCB, screenshots), each hashed.
 *
 * @param id the observation's id as the lab names it ("OBS-1"; given in order when the file gives none)
 * @param verdicts the verdicts ("standard:id") the observation bears on: its requirement and, through the
 *                 crosswalk, the requirement's equivalent twins; filled in by {@link LabJudgement}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabObservation(
        String id,
        String requirement,
        String unit,
        String testCase,
        String done,
        LabResult result,
        List<Attachment> attachments,
        List<String> verdicts) {

    public LabObservation {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    public LabObservation withVerdicts(List<String> keys) {
        return new LabObservation(id, requirement, unit, testCase, done, result, attachments, keys);
    }

    /** "OBS-1 failed (unit SN-1, test case T-3): what was done", for verdict reasons. */
    @JsonIgnore
    public String summary() {
        StringBuilder b = new StringBuilder(id).append(' ').append(switch (result) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case INCONCLUSIVE -> "was inconclusive";
            case INFO -> "recorded";
        });
        List<String> where = new java.util.ArrayList<>();
        if (unit != null && !unit.isBlank()) {
            where.add("unit " + unit);
        }
        if (testCase != null && !testCase.isBlank()) {
            where.add("test case " + testCase);
        }
        if (!where.isEmpty()) {
            b.append(" (").append(String.join(", ", where)).append(')');
        }
        if (done != null && !done.isBlank()) {
            String one = done.replaceAll("\\s+", " ").strip();
            b.append(": ").append(one.length() <= 160 ? one : one.substring(0, 160) + "…");
        }
        return b.toString();
    }

    /**
     * A file that documents an observation: where it is in the output folder ({@code attachments/NAME}), its SHA-256
     * and size. {@code source} is the file the lab record named, resolved; it is not written to the JSON (a path on
     * the lab's machine says nothing to the reader of the report).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String file, String sha256, long bytes, @JsonIgnore java.nio.file.Path source) {
    }
}
