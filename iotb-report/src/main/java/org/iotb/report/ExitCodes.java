package org.iotb.report;

import java.util.Locale;
import org.iotb.assess.Assessment;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;

/**
 * The exit-code rule of {@code iotb assess} and {@code iotb report} for CI: 0 when no failed requirement counts
 * under the {@link FailOn} level, 1 when one does, 2 for bad usage or unreadable input.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    /** Which failed requirements make the exit code 1. */
    public enum FailOn {
        /** a failed mandatory requirement (the default) */
        MANDATORY,
        /** any failed requirement, mandatory or recommended */
        ANY,
        /** never: report only */
        NONE;

        public static FailOn parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("--fail-on must be mandatory, any or none, not '" + s + "'");
            }
        }
    }

    public static int of(Assessment a, FailOn failOn) {
        if (failOn == FailOn.NONE) {
            return OK;
        }
        for (Verdict v : a.verdicts()) {
            if (v.verdict() == VerdictValue.FAIL && (failOn == FailOn.ANY || v.mandatory())) {
                return FAILED;
            }
        }
        return OK;
    }
}
