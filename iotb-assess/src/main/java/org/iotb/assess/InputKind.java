package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an assessment input is. "assessment" marks findings the assessment itself derived across inputs;
 * "declaration-evidence" is a file a declaration cites as its evidence (hashed so the report is tied to it);
 * "vex" (3.1) is a triage file given with {@code --vex}: its statements change verdicts, so it is hashed too.
 */
public enum InputKind {
    FIRMWARE, DEVICE, PROFILE, DECLARATIONS, DECLARATION_EVIDENCE, ASSESSMENT,
    /** The supplier's IXIT file (TS 103 701), whose provision answers count as declarations. */
    IXIT,
    /** A triage file (CycloneDX VEX or OpenVEX) given with --vex; hashed because its statements change verdicts. */
    VEX;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static InputKind fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
