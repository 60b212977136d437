package org.iotb.sbom.vuln;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What one distribution says about one CVE in one of its source packages: {@code distro} is a
 * {@link org.iotb.sbom.distro.Distro#key()} ({@code debian:12}), {@code sourcePackage} the distribution's source
 * package ({@code glibc}), {@code status} fixed (in {@code fixedVersion}, a distribution package version), open (no
 * fixed package yet) or not-affected (the release never shipped the flaw). {@code id} is the advisory (DSA-5514-1) or
 * the CVE itself for tracker entries; {@code source} where it came from ({@code debian-tracker}, {@code osv}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DistroAdvisory(
        String distro,
        String sourcePackage,
        String cve,
        Status status,
        String fixedVersion,
        String urgency,
        String id,
        String summary,
        String source) {

    public enum Status {
        FIXED, OPEN, NOT_AFFECTED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Status fromId(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** The index key: distribution, package and CVE. */
    String key() {
        return distro + "\u0000" + sourcePackage + "\u0000" + cve;
    }
}
