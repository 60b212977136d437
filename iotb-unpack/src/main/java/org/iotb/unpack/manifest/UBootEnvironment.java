package org.iotb.unpack.manifest;

import java.util.Map;

/**
 * A CRC-valid U-Boot environment block found at {@code offset} of {@code container}: {@code size} bytes
 * (CRC included), {@code redundant} when it carries the extra flags byte, and its variables in stored order.
 */
public record UBootEnvironment(String container, long offset, long size, boolean redundant,
                               Map<String, String> variables) {
}
