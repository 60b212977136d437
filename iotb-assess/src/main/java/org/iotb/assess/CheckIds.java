package org.iotb.assess;

import java.util.List;

/** Matching of check ids against the catalog's lists, which may end in ".*" to name a family ("fw.cred.*"). */
public final class CheckIds {
    private CheckIds() {
    }

    public static boolean matches(String pattern, String checkId) {
        if (pattern == null || checkId == null) {
            return false;
        }
        if (pattern.endsWith(".*")) {
            return checkId.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(checkId);
    }

    public static boolean matchesAny(List<String> patterns, String checkId) {
        for (String p : patterns) {
            if (matches(p, checkId)) {
                return true;
            }
        }
        return false;
    }
}
