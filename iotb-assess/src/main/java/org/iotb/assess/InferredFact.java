package org.iotb.assess;

/**
 * A profile fact the firmware revealed and the declared profile left open ({@code key} uses the profile's
 * dotted names, e.g. "device.passwords", "interfaces"). {@code check} and {@code source} say which finding of
 * which input revealed it.
 */
public record InferredFact(String key, Object value, String check, String source, String detail) {
}
