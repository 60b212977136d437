package org.iotb.assess;

/** The product's Xiaomi security level (low|medium|high, or null when undetermined) and why. */
public record XiaomiLevelResult(String level, String reason) {
}
