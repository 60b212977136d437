package org.iotb.assess.claims;

/**
 * Something the evidence shows about the product that a profile key also states: a device fact
 * ({@code device.passwords = true}) or a member of a word list ({@code interfaces} contains {@code zigbee}).
 * Observations are only ever positive: firmware can show that a product has passwords or a Zigbee stack, but the
 * absence of a file never proves the product lacks the thing.
 *
 * @param key    the profile key as the report writes it: {@code device.<fact>} or a word-list key (interfaces, features)
 * @param value  {@code true} for a device fact, the word for a word list
 * @param check  the check or fact extractor whose output shows it (provenance, shown in reports)
 * @param source the input it was observed on
 * @param detail what was seen, in words ("the image holds password hashes")
 */
public record Observation(String key, Object value, String check, String source, String detail) {

    public static final String DEVICE_PREFIX = "device.";

    /** Whether this is a device fact (true/false key) rather than a word in a list. */
    public boolean deviceFact() {
        return key.startsWith(DEVICE_PREFIX);
    }

    /** The device fact's key without the {@code device.} prefix. */
    public String deviceKey() {
        return key.substring(DEVICE_PREFIX.length());
    }
}
