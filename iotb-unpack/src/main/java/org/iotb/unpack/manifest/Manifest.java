package org.iotb.unpack.manifest;

import java.util.List;
import java.util.Map;

/**
 * The content of DIR/manifest.json. Field names are a contract (docs/unpacking.md): keep them stable.
 */
public record Manifest(
        String tool,
        String image,
        long imageSize,
        String imageSha256,
        String root,
        Map<String, Object> limits,
        List<ManifestEntry> entries,
        List<ContainerRecord> containers,
        List<Region> unrecognised,
        List<UBootEnvironment> ubootEnvironments,
        EntropyProfile entropy,
        List<String> warnings,
        Map<String, Object> stats) {

    public Manifest {
        // an EntryList stays as it is: copying it would bring every spilled entry back onto the heap
        entries = entries == null ? List.of() : entries instanceof EntryList spilling
                ? java.util.Collections.unmodifiableList(spilling) : List.copyOf(entries);
        containers = containers == null ? List.of() : List.copyOf(containers);
        unrecognised = unrecognised == null ? List.of() : List.copyOf(unrecognised);
        ubootEnvironments = ubootEnvironments == null ? List.of() : List.copyOf(ubootEnvironments);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }
}
