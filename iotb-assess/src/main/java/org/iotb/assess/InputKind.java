package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an assessment input is. "assessment" marks findings the assessment itself derived across inputs. */
public enum InputKind {
    FIRMWARE, DEVICE, PROFILE, DECLARATIONS, ASSESSMENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InputKind fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
