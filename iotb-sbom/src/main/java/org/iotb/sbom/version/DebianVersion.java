package org.iotb.sbom.version;

import java.util.Objects;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]} ordered exactly as {@code dpkg --compare-versions}
 * orders it (Debian Policy 5.6.12): epochs compare numerically; upstream version and revision compare by
 * alternating non-digit and digit parts, where non-digit parts compare character by character with letters before
 * non-letters and {@code ~} before everything, even the end of the part ({@code 1.0~rc1 < 1.0}), and digit parts
 * compare numerically. Alpine ({@code 1.2.3-r1}) and OpenWrt/Yocto ({@code 1.2.3-r0}, {@code 1.2.3-2}) revisions
 * order correctly under the same rules, which is why this one class serves all distribution package versions.
 */
public final class DebianVersion implements Comparable<DebianVersion> {
    private final String text;
    private final long epoch;
    private final String upstream;
    private final String revision;

    private DebianVersion(String text, long epoch, String upstream, String revision) {
        this.text = text;
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
    }

    public static DebianVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String s = text.trim();
        long epoch = 0;
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).chars().allMatch(Character::isDigit) && colon < 10) {
            epoch = Long.parseLong(s.substring(0, colon));
            s = s.substring(colon + 1);
        }
        String revision = "";
        int dash = s.lastIndexOf('-');
        if (dash >= 0) {
            revision = s.substring(dash + 1);
            s = s.substring(0, dash);
        }
        return new DebianVersion(text.trim(), epoch, s, revision);
    }

    /** Compares two version strings; convenience for {@code parse(a).compareTo(parse(b))}. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    public String upstream() {
        return upstream;
    }

    public String revision() {
        return revision;
    }

    @Override
    public int compareTo(DebianVersion o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = verrevcmp(upstream, o.upstream);
        return c != 0 ? c : verrevcmp(revision, o.revision);
    }

    /** dpkg's lib/dpkg/version.c order of one character in a non-digit part. */
    private static int order(char c) {
        if (Character.isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !Character.isDigit(a.charAt(i)))
                    || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = i < a.length() ? order(a.charAt(i)) : 0;
                int bc = j < b.length() ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && Character.isDigit(a.charAt(i))
                    && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebianVersion d && compareTo(d) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epoch); // equal versions may differ in text ("1.01" = "1.1"): only the epoch is safe
    }

    @Override
    public String toString() {
        return text;
    }
}
