package org.iotb.sbom.vuln.feed;

import java.util.List;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;
import org.iotb.sbom.Confidence;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;

/** Components as the SBOM scan makes them, for matching tests. */
public final class Components {
    private Components() {
    }

    /** A vendor's own build, identified by its version banner. */
    public static Component vendor(String id, String version) {
        Signature s = SignatureSet.bundled().byId(id).orElseThrow();
        return new Component(id, s.name(), version, null, s.purlFor(version), s.cpeFor(version), Confidence.HIGH,
                ComponentSource.SIGNATURE, List.of(), null, null);
    }

    /** A Debian 12 package build at {@code revision}. */
    public static Component debian(String id, String version, String revision) {
        Signature s = SignatureSet.bundled().byId(id).orElseThrow();
        return new Component(id, s.name(), version, revision, s.purlFor(version), s.cpeFor(version), Confidence.HIGH,
                ComponentSource.SIGNATURE, List.of(), "debian:12", null);
    }
}
