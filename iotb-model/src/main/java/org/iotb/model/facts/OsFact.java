package org.iotb.model.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the image's operating system is, as far as its files show.
 *
 * @param os      "embedded-linux" or "unknown" (the firmware analysis' vocabulary, mapped onto the profile's
 *                by the assessment)
 * @param libc    the C library flavour of the primary ABI: glibc, uclibc, musl … or "unknown"
 * @param busybox whether the image holds a (non-empty) busybox binary
 * @param proof   the file that shows the libc ("libc") and the busybox binary ("busybox"), where known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsFact(String os, String libc, boolean busybox, java.util.Map<String, String> proof) {
    public static final String UNKNOWN = "unknown";

    public OsFact {
        proof = proof == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(proof));
    }

    /** Whether the OS was recognised at all. */
    public boolean known() {
        return os != null && !UNKNOWN.equals(os);
    }
}
