package org.iotb.sbom;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The software bill of materials of one image: the subject (image name and sha256, as the caller gives them),
 * the components found in its unpacked tree, warnings met while looking (a file too large, unreadable) and
 * counters (files scanned, bytes read).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Sbom(Subject subject, List<Component> components, List<String> warnings, Map<String, Object> stats) {

    public Sbom {
        components = components == null ? List.of() : List.copyOf(components);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }

    /** The image an SBOM describes. {@code sha256} may be null when the caller did not hash it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String name, String sha256) {
    }
}
