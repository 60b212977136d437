package org.iotb.sbom.distro;

import java.util.Locale;

/**
 * The distribution an image (or one of its components) was built from: {@code family} debian, alpine, openwrt,
 * yocto …, {@code release} its version as the distribution numbers it ("12", "3.18", "23.05.2") or null when unknown,
 * {@code codename} ("bookworm") or null. {@link #key()} is the form components carry and advisories are indexed by:
 * {@code debian:12}, or just {@code debian} when the release is unknown.
 */
public record Distro(String family, String release, String codename) {

    public Distro {
        family = family.toLowerCase(Locale.ROOT);
        if (release == null && codename != null) {
            release = DistroReleases.releaseOf(family, codename);
        }
        if (codename == null && release != null) {
            codename = DistroReleases.codenameOf(family, release);
        }
    }

    public static Distro of(String family) {
        return new Distro(family, null, null);
    }

    public String key() {
        return release == null ? family : family + ":" + release;
    }

    /** The PURL {@code distro} qualifier value: {@code debian-12}. */
    public String purlQualifier() {
        return release == null ? family : family + "-" + release;
    }

    /** Parses a {@link #key()} back ("debian:12", "debian"). */
    public static Distro parseKey(String key) {
        int c = key.indexOf(':');
        return c < 0 ? of(key) : new Distro(key.substring(0, c), key.substring(c + 1), null);
    }
}
