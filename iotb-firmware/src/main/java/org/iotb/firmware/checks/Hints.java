package org.iotb.firmware.checks;

import java.util.List;

/** Cheap literal pre-filter run before a rule's regex: most lines of most files contain none of the hints. */
public final class Hints {
    private Hints() {
    }

    /**
     * True when {@code hints} is empty or {@code lowerLine} (the line already lower-cased with
     * {@link #lower}, once for all rules) contains one of them.
     */
    public static boolean mayMatch(List<String> hints, String lowerLine) {
        if (hints == null || hints.isEmpty()) {
            return true;
        }
        for (String h : hints) {
            if (lowerLine.contains(h)) { // hints are written in lower case in the data files
                return true;
            }
        }
        return false;
    }

    public static String lower(String line) {
        return line.toLowerCase(java.util.Locale.ROOT);
    }
}
