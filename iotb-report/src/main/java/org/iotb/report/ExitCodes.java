package org.iotb.report;

import java.util.Locale;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.assess.Verdict;
import org.iotb.assess.VerdictValue;

/**
 * The exit-code rule of {@code iotb assess} and {@code iotb report} for CI: 0 when no failed requirement counts
 * under the {@link FailOn} level, 1 when one does (or, under {@link FailOn#UNVERIFIED}, when a mandatory
 * requirement passes on the manufacturer's word alone), 2 for bad usage, unreadable input or nothing that could be
 * examined (docs/assessment.md, "Exit codes").
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
        /**
         * a failed mandatory requirement, or an applicable mandatory requirement that passes on basis
         * {@code declared} alone (no check examined it); {@code verified} and {@code declared+consistent} passes
         * count as examined
         */
        UNVERIFIED,
        /** never: report only */
        NONE;

        public static FailOn parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("--fail-on must be mandatory, any or none, or unverified, not '" + s + "'");
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
            if (failOn == FailOn.UNVERIFIED && unverifiedPass(v)) {
                return FAILED;
            }
        }
        return OK;
    }

    /** An applicable mandatory requirement that passes on the manufacturer's word alone. */
    public static boolean unverifiedPass(Verdict v) {
        return v.verdict() == VerdictValue.PASS && v.mandatory() && v.basis() == Basis.DECLARED;
    }
}
