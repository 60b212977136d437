package org.iotb.unpack.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bytes of a container that no handler recognised. {@code kind} is a coarse guess from the bytes: "padding"
 * (one repeated byte value), "text", "high-entropy" (compressed or encrypted-looking, entropy above 7.2
 * bits per byte) or "data". {@code entropy} is Shannon entropy in bits per byte (0..8).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Region(String container, long offset, long length, double entropy, String kind, Integer fillByte) {
}
