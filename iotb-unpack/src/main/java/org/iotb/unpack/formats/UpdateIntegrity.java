package org.iotb.unpack.formats;

import java.util.Map;
import java.util.Optional;

/**
 * How a vendor update container protects its image, as its handler records it in the match's {@code info}:
 * {@code signed: false} and {@code integrity: "<what it carries>"} for containers whose only integrity is a
 * checksum anyone recomputes after changing the image (SEAMA's MD5, TRX's CRC32, uImage's header and data CRC32,
 * TP-Link's salted MD5). The update checks read it through {@link #checksumOnly} (docs/unpacking.md).
 */
public final class UpdateIntegrity {
    public static final String SIGNED = "signed";
    public static final String INTEGRITY = "integrity";

    private UpdateIntegrity() {
    }

    /** Records that the container carries only {@code what} (e.g. "CRC32 of the image only; no signature"). */
    static void checksumOnly(Map<String, Object> info, String what) {
        info.put(SIGNED, false);
        info.put(INTEGRITY, what);
    }

    /** What a container's info says it carries when it carries only a checksum, else empty. */
    public static Optional<String> checksumOnly(Map<String, Object> info) {
        if (info != null && Boolean.FALSE.equals(info.get(SIGNED)) && info.get(INTEGRITY) instanceof String s) {
            return Optional.of(s);
        }
        return Optional.empty();
    }
}
