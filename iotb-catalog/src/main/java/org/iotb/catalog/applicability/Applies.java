package org.iotb.catalog.applicability;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a requirement applies to the product; the words are the ICS CSV's `applicable` column. */
public enum Applies {
    YES, NO, UNDETERMINED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
