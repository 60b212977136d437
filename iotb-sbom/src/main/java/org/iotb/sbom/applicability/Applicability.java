package org.iotb.sbom.applicability;

import java.util.List;
import org.iotb.model.Evidence;

/**
 * What the image's own code says about one matched CVE, named as CycloneDX's vulnerability analysis names it:
 * {@code resolved} (the fix is in the binary) or {@code not_affected} with justification {@code code_not_present}
 * (the affected code is not built). {@code reason} is a sentence for the report ("implements strict key exchange
 * …"), {@code evidence} the files and strings (or configuration lines) that prove it, {@code references} the
 * rule's public sources.
 */
public record Applicability(State state, String justification, String reason, List<Evidence> evidence,
        List<String> references) {

    public static final String CODE_NOT_PRESENT = "code_not_present";

    public enum State {
        /** CycloneDX {@code resolved}: the binary carries the fix. */
        RESOLVED("resolved"),
        /** CycloneDX {@code not_affected}: the affected code is not in the image. */
        NOT_AFFECTED("not_affected");

        private final String id;

        State(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Applicability {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
