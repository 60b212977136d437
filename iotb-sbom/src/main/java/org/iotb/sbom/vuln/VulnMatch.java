package org.iotb.sbom.vuln;

import org.iotb.sbom.applicability.Applicability;

/**
 * One known vulnerability judged against one component: how it was decided ({@link Basis}), for a distribution
 * build the advisory that decided it (null when none was found), and, when the image's own code decided
 * ({@link Basis#CODE_EVIDENCE}), what it proved (null otherwise).
 */
public record VulnMatch(Vulnerability vulnerability, Basis basis, DistroAdvisory advisory,
        Applicability applicability) {

    public enum Basis {
        /** A vendor's own build whose upstream version is in an affected range. */
        UPSTREAM_RANGE,
        /** The distribution says the installed package revision is affected (older than its fix, or no fix yet). */
        DISTRO_AFFECTED,
        /** The distribution fixed it in a revision at or below the installed one, or was never affected. */
        DISTRO_FIXED,
        /** A distribution build whose upstream version is in range, with no advisory of that distribution to say. */
        BACKPORT_UNKNOWN,
        /**
         * In range by version, but the component's binaries carry the fix or lack the affected code (or the kernel
         * does not build it): see {@link #applicability()}.
         */
        CODE_EVIDENCE
    }

    /** A match decided without looking at the image's code. */
    public VulnMatch(Vulnerability vulnerability, Basis basis, DistroAdvisory advisory) {
        this(vulnerability, basis, advisory, null);
    }

    /** This match, overruled by what the image's code proves. */
    public VulnMatch decidedBy(Applicability evidence) {
        return new VulnMatch(vulnerability, Basis.CODE_EVIDENCE, advisory, evidence);
    }

    /** True if the component is claimed affected (a fail), as opposed to fixed or undecided. */
    public boolean claimed() {
        return basis == Basis.UPSTREAM_RANGE || basis == Basis.DISTRO_AFFECTED;
    }
}
