package org.iotb.assess;

/** A declared profile fact the firmware contradicts; the declared value is kept, the report shows both. */
public record Contradiction(String key, Object declared, Object observed, String check, String source, String detail) {
}
