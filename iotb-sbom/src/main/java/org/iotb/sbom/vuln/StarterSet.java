package org.iotb.sbom.vuln;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.iotb.model.Json;
import org.iotb.model.Severity;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;

/**
 * The small set of well-known CVEs bundled with iotb ({@code starter-vulns.yaml}), so that an offline scan
 * already reports something true. Facts only: id, component, affected ranges, severity, a summary in our words,
 * the advisory URLs.
 */
public final class StarterSet {
    private static final String RESOURCE = "/org/iotb/sbom/starter-vulns.yaml";

    /** One entry as written in the data file. */
    record Entry(String id, String name, String component, String severity, Double cvss, String summary,
            List<Range> affected, List<String> references) {
    }

    /** from = first affected version; fixed = first fixed; last = last affected; versions = exact list. */
    record Range(String from, String fixed, String last, List<String> versions) {
    }

    private StarterSet() {
    }

    public static List<Vulnerability> load(SignatureSet signatures) {
        try (InputStream in = StarterSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Entry> entries = Json.yaml().readValue(in, new TypeReference<List<Entry>>() { });
            List<Vulnerability> out = new ArrayList<>();
            for (Entry e : entries) {
                Signature sig = signatures.byId(e.component())
                        .orElseThrow(() -> new IllegalStateException(e.id() + ": unknown component " + e.component()));
                if (sig.cpe() == null) {
                    throw new IllegalStateException(e.id() + ": component " + e.component() + " has no CPE");
                }
                List<Affected> affected = new ArrayList<>();
                for (Range r : e.affected()) {
                    affected.add(new Affected(sig.cpe(), null, r.from(), null, r.fixed(), r.last(), r.versions(),
                            false));
                }
                String summary = e.name() == null ? e.summary() : e.name() + ": " + e.summary();
                out.add(new Vulnerability(e.id(), List.of(), summary, Severity.fromId(e.severity()), e.cvss(), null,
                        affected, "starter", e.references()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
