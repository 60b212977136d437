package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One input of an assessment, hashed so the report can be tied to exactly the bytes that were assessed.
 * Files carry {@code name} (what the user called it), {@code path}, {@code sha256} and {@code size};
 * devices carry {@code host} (and {@code name} = host).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputRecord(InputKind kind, String name, String path, String host, String sha256, Long size) {

    public static InputRecord file(InputKind kind, String name, String path, String sha256, long size) {
        return new InputRecord(kind, name, path, null, sha256, size);
    }

    public static InputRecord device(String host) {
        return new InputRecord(InputKind.DEVICE, host, null, host, null, null);
    }
}
