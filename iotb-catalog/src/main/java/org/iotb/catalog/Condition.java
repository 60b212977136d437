package org.iotb.catalog;

/**
 * A numbered condition of EN 303 645 Table B.1 ("passwords are used"). It holds for a product when the
 * profile's {@code device.<profileKey>} equals {@code whenEquals}.
 */
public record Condition(int number, String text, String profileKey, boolean whenEquals) {
}
