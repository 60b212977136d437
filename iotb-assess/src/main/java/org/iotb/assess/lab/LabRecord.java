package org.iotb.assess.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The test lab's record of one assessment (docs/reports.md, "Lab record"): who assessed what for whom, when, and
 * what the lab itself observed. It is the lab's word, kept apart from the manufacturer's (profile, declarations) in
 * every output: the assessment JSON carries it as its top-level {@code lab} object (schema:
 * {@code org/iotb/assess/lab/lab-record-schema.json}). Read from a {@code lab.yaml} by {@link LabRecordLoader}.
 *
 * @param observations what the lab did and saw, each on one requirement; each records the verdicts it bears on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabRecord(
        Laboratory laboratory,
        String client,
        String reportId,
        Dates dates,
        DeviceUnderTest deviceUnderTest,
        String tester,
        String reviewer,
        String approver,
        List<LabObservation> observations) {

    public LabRecord {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    /** The lab and its accreditation (e.g. "ISO/IEC 17025, certificate 1234"). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Laboratory(String name, String accreditation) {
    }

    /** ISO dates (yyyy-mm-dd): testing started, testing ended, report issued. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dates(String start, String end, String issue) {
    }

    /** The units the lab tested: model, hardware and firmware version, and the serial number of each unit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceUnderTest(String model, String hardwareVersion, String firmwareVersion, List<String> serials) {
        public DeviceUnderTest {
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /** A copy with these observations (the judgement adds the verdicts each one bears on). */
    public LabRecord withObservations(List<LabObservation> list) {
        return new LabRecord(laboratory, client, reportId, dates, deviceUnderTest, tester, reviewer, approver, list);
    }

    /** The lab's name, or "the lab" when the record does not give one. */
    public String labName() {
        return laboratory == null || laboratory.name() == null || laboratory.name().isBlank() ? "the lab" : laboratory.name();
    }
}
