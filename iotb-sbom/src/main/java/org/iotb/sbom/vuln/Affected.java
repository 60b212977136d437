package org.iotb.sbom.vuln;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iotb.sbom.version.Version;

/**
 * Which versions of one product a vulnerability affects. The product is named either by CPE
 * {@code vendor:product} (NVD, the starter set) or by a package name (OSV). Bounds follow NVD's cpeMatch
 * vocabulary; OSV events map onto them (introduced = startIncluding, fixed = endExcluding,
 * last_affected = endIncluding). {@code versions} lists exact affected versions. A range without upper bound
 * affects nothing unless {@code openEnded} says so explicitly (an OSV range introduced and never fixed): we never
 * read "all versions" into missing data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Affected(
        String cpe,
        String packageName,
        String startIncluding,
        String startExcluding,
        String endExcluding,
        String endIncluding,
        List<String> versions,
        boolean openEnded) {

    public Affected {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public static Affected range(String cpe, String introduced, String fixed) {
        return new Affected(cpe, null, introduced, null, fixed, null, null, false);
    }

    /** True if this entry bounds versions at all (an upper bound or exact versions). */
    public boolean isBounded() {
        return !versions.isEmpty() || endExcluding != null || endIncluding != null || openEnded;
    }

    public boolean covers(String versionText) {
        if (!Version.isComparable(versionText)) {
            return false;
        }
        Version v = Version.parse(versionText);
        for (String exact : versions) {
            if (Version.isComparable(exact) && Version.parse(exact).equals(v)) {
                return true;
            }
        }
        if (endExcluding == null && endIncluding == null && !openEnded) {
            return false;
        }
        if (isSet(startIncluding) && v.compareTo(Version.parse(startIncluding)) < 0) {
            return false;
        }
        if (isSet(startExcluding) && v.compareTo(Version.parse(startExcluding)) <= 0) {
            return false;
        }
        if (endExcluding != null && v.compareTo(Version.parse(endExcluding)) >= 0) {
            return false;
        }
        return endIncluding == null || v.compareTo(Version.parse(endIncluding)) <= 0;
    }

    private static boolean isSet(String bound) {
        // OSV writes introduced "0" for "since the beginning"
        return bound != null && !bound.equals("0") && Version.isComparable(bound);
    }
}
