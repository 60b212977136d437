package org.iotb.sbom.vuln;

import java.util.Comparator;
import org.iotb.sbom.applicability.Applicability;

/**
 * One known vulnerability judged against one component: how it was decided ({@link Basis}), for a distribution
 * build the advisory that decided it (null when none was found), and, when the image's own code decided
 * ({@link Basis#CODE_EVIDENCE}), what it proved (null otherwise). {@code knownExploited} (CISA KEV) and {@code epss}
 * rank the match when that data was imported (see {@link VulnDb#withExploitData}); both are null otherwise and never
 * change whether a component is affected.
 */
public record VulnMatch(Vulnerability vulnerability, Basis basis, DistroAdvisory advisory,
        Applicability applicability, KnownExploited knownExploited, EpssScore epss) {

    /** Known-exploited first, then the higher EPSS score; matches without either keep their order. */
    public static final Comparator<VulnMatch> EXPLOITED_FIRST = Comparator
            .comparing((VulnMatch m) -> m.knownExploited() == null)
            .thenComparing(m -> m.epss() == null ? 0.0 : -m.epss().score());

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
        this(vulnerability, basis, advisory, null, null, null);
    }

    /** This match, overruled by what the image's code proves. */
    public VulnMatch decidedBy(Applicability evidence) {
        return new VulnMatch(vulnerability, Basis.CODE_EVIDENCE, advisory, evidence, knownExploited, epss);
    }

    /** True if the component is claimed affected (a fail), as opposed to fixed or undecided. */
    public boolean claimed() {
        return basis == Basis.UPSTREAM_RANGE || basis == Basis.DISTRO_AFFECTED;
    }

    /** This match with its exploitation data. */
    public VulnMatch withExploitData(KnownExploited kev, EpssScore score) {
        return new VulnMatch(vulnerability, basis, advisory, applicability, kev, score);
    }
}
