package org.iotb.sbom;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Evidence;

/**
 * One identified software component. {@code id} is the catalogue key of the component (openssl, busybox,
 * linux-kernel …) or, for a package record we have no signature for, {@code pkg:<name>}. {@code version} is the
 * upstream version (epoch and distribution revision removed) or null when unknown; {@code packageVersion} keeps
 * the package manager's full version. {@code cpe} is a CPE 2.3 string and {@code purl} a package URL, both null
 * when not known. Evidence names the files (relative to the tree root) and the matched strings or package records.
 *
 * <p>A component built by a distribution carries {@code distro} ({@link org.iotb.sbom.distro.Distro#key()}:
 * {@code debian:12}, or {@code debian} when the release is unknown) and {@code distroPackage}, the distribution's
 * source package name its advisories use ({@code glibc} for libc6); {@code packageVersion} is then the
 * distribution's full package version, from the package database or the component's own banner
 * ({@code 2.36-9+deb12u14}). All three are null for a vendor's own build.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Component(
        String id,
        String name,
        String version,
        String packageVersion,
        String purl,
        String cpe,
        Confidence confidence,
        ComponentSource source,
        List<Evidence> evidence,
        String distro,
        String distroPackage) {

    /** Most evidence entries kept per component; more only repeat the same fact. */
    public static final int MAX_EVIDENCE = 8;

    /** A component not known to come from a distribution. */
    public Component(String id, String name, String version, String packageVersion, String purl, String cpe,
            Confidence confidence, ComponentSource source, List<Evidence> evidence) {
        this(id, name, version, packageVersion, purl, cpe, confidence, source, evidence, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public Component {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** CPE "vendor:product" of this component, or null. */
    @JsonIgnore
    public String cpeVendorProduct() {
        if (cpe == null) {
            return null;
        }
        String[] p = cpe.split(":", -1);
        return p.length > 4 ? p[3] + ":" + p[4] : null;
    }

    @JsonIgnore
    public boolean hasVersion() {
        return version != null && !version.isBlank();
    }

    public Component withEvidenceAdded(List<Evidence> more) {
        List<Evidence> all = new ArrayList<>(evidence);
        for (Evidence e : more) {
            if (all.size() >= MAX_EVIDENCE) {
                break;
            }
            if (!all.contains(e)) {
                all.add(e);
            }
        }
        return new Component(id, name, version, packageVersion, purl, cpe, confidence, source, all, distro,
                distroPackage);
    }

    public Component withConfidence(Confidence c) {
        return new Component(id, name, version, packageVersion, purl, cpe, c, source, evidence, distro, distroPackage);
    }

    /** This component as the given distribution's build of {@code distroPackage} at {@code packageVersion}. */
    public Component withDistro(String distroKey, String distroPackage, String packageVersion, String purl) {
        return new Component(id, name, version, packageVersion, purl, cpe, confidence, source, evidence, distroKey,
                distroPackage);
    }

    /**
     * True when a distribution that backports fixes built this component: its own advisories, not upstream's
     * version ranges, decide whether it is affected. OpenWrt packages carry their distribution too but are judged
     * by upstream version (OpenWrt updates to new upstream releases).
     */
    @JsonIgnore
    public boolean isDistroBuild() {
        return distro != null && org.iotb.sbom.distro.DistroReleases.backports(
                org.iotb.sbom.distro.Distro.parseKey(distro).family());
    }
}
