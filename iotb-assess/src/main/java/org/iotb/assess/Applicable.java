package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a requirement applies to the product, as decided from the (declared + inferred) profile. */
public enum Applicable {
    YES, NO, UNDETERMINED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Applicable fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
