package org.iotb.unpack.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A U-Boot environment found at {@code offset} of {@code container}: {@code size} bytes, its variables in stored
 * order. Either a CRC-valid block ({@code redundant} when it carries the extra flags byte; CRC included in the
 * size) or, with {@code builtIn} true, the default environment compiled into a U-Boot binary (plain
 * "name=value\0" strings, no CRC), which U-Boot uses when the flash holds no valid block.
 */
public record UBootEnvironment(String container, long offset, long size, boolean redundant,
                               Map<String, String> variables,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean builtIn) {

    public UBootEnvironment(String container, long offset, long size, boolean redundant, Map<String, String> variables) {
        this(container, offset, size, redundant, variables, null);
    }
}
