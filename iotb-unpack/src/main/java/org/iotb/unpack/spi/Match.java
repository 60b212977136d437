package org.iotb.unpack.spi;

import java.util.Map;

/**
 * A structure that a {@link FormatHandler} recognised and validated at {@code offset} of a source.
 * {@code length} is the structure's size in bytes when the format tells it, or -1 when only extraction can
 * tell (the engine then assumes it reaches the next match or the end). {@code info} carries facts for the
 * manifest (version, byte order, compressor, block size...).
 */
public record Match(String format, long offset, long length, String description, Map<String, Object> info) {
    public Match {
        info = info == null ? Map.of() : Map.copyOf(info);
    }
}
