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
        List<Evidence> evidence) {

    /** Most evidence entries kept per component; more only repeat the same fact. */
    public static final int MAX_EVIDENCE = 8;

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
        return new Component(id, name, version, packageVersion, purl, cpe, confidence, source, all);
    }

    public Component withConfidence(Confidence c) {
        return new Component(id, name, version, packageVersion, purl, cpe, c, source, evidence);
    }
}
