package org.iotb.sbom.vuln;

/**
 * One known vulnerability judged against one component: how it was decided ({@link Basis}) and, for a
 * distribution build, the advisory that decided it (null when none was found).
 */
public record VulnMatch(Vulnerability vulnerability, Basis basis, DistroAdvisory advisory) {

    public enum Basis {
        /** A vendor's own build whose upstream version is in an affected range. */
        UPSTREAM_RANGE,
        /** The distribution says the installed package revision is affected (older than its fix, or no fix yet). */
        DISTRO_AFFECTED,
        /** The distribution fixed it in a revision at or below the installed one, or was never affected. */
        DISTRO_FIXED,
        /** A distribution build whose upstream version is in range, with no advisory of that distribution to say. */
        BACKPORT_UNKNOWN
    }

    /** True if the component is claimed affected (a fail), as opposed to fixed or undecided. */
    public boolean claimed() {
        return basis == Basis.UPSTREAM_RANGE || basis == Basis.DISTRO_AFFECTED;
    }
}
