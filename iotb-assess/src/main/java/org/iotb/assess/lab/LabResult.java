package org.iotb.assess.lab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the lab concluded from one observation. {@code pass} and {@code fail} are evidence the verdict rules weigh
 * (docs/assessment.md, "Lab observations"); {@code inconclusive} and {@code info} are recorded and shown, and change no
 * verdict.
 */
public enum LabResult {
    PASS("pass"), FAIL("fail"), INCONCLUSIVE("inconclusive"), INFO("info");

    private final String id;

    LabResult(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static LabResult fromId(String id) {
        for (LabResult r : values()) {
            if (r.id.equalsIgnoreCase(id == null ? "" : id.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown result '" + id + "'; expected pass, fail, inconclusive or info");
    }
}
