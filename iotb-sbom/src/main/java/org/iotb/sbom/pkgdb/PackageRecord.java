package org.iotb.sbom.pkgdb;

/**
 * One installed package as a package manager database records it. {@code manager} is dpkg, opkg or apk;
 * {@code file} the database file (relative to the tree root) and {@code line} where the record starts.
 */
public record PackageRecord(
        String manager,
        String name,
        String version,
        String sourceName,
        String architecture,
        String file,
        int line) {

    /**
     * The upstream version: epoch ("1:") and distribution revision ("-4+deb12u1", OpenWrt "-3") removed, as
     * well as repackaging marks (+dfsg, .dfsg, +ds, ~deb12u2). "1:1.2.13.dfsg-1" → "1.2.13".
     */
    public String upstreamVersion() {
        return upstream(version);
    }

    public static String upstream(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim();
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).chars().allMatch(Character::isDigit)) {
            s = s.substring(colon + 1);
        }
        // OpenWrt's kernel package appends the modules' vermagic hash: "3.3.8-1-d6597ebf6203328d3519ea3c3371a493"
        s = s.replaceFirst("-[0-9a-f]{32}$", "");
        int dash = s.lastIndexOf('-');
        if (dash > 0) {
            s = s.substring(0, dash);
        }
        s = s.replaceAll("(?i)[+.~](?:dfsg|ds|repack|really|debian|nmu)[^+~]*", "");
        int tilde = s.indexOf('~');
        if (tilde > 0) {
            s = s.substring(0, tilde);
        }
        return s;
    }
}
