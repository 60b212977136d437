package org.iotb.assess;

/**
 * The product's level under one standard's level scheme: {@code label} names it ("Xiaomi security level"),
 * {@code level} is one of the scheme's levels, or null when the profile leaves it undetermined, {@code reason}
 * says why.
 */
public record StandardLevel(String label, String level, String reason) {
}
