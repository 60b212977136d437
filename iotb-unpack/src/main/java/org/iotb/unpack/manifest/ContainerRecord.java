package org.iotb.unpack.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A structure a handler recognised: {@code format} at {@code offset} of {@code container} (length null when
 * unknown), extracted into {@code outputDir} (relative to the output directory), with the handler's facts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerRecord(
        String container,
        String format,
        long offset,
        Long length,
        String description,
        String outputDir,
        int depth,
        Map<String, Object> info) {
}
