package org.iotb.unpack.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One extracted thing. {@code path} is relative to the output directory with '/' separators and is where the
 * entry lives on disk (for hard links and device nodes: where it would live; they are not created).
 * {@code originalPath} is the name as stored in the container when sanitising changed it.
 * {@code linkTarget} is the target as stored; {@code linkCreated} tells whether the symlink exists on disk
 * (it is created only when it resolves inside its container's tree). {@code mode} is the permission and
 * set-id bits (07777) as stored. {@code detectedType} is the format iotb recognised at the file's start, or a
 * coarse kind (elf, script, text, data, empty). {@code provenance} runs outermost first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(
        String path,
        EntryType type,
        Long size,
        String sha256,
        String detectedType,
        Integer mode,
        Long mtime,
        String linkTarget,
        Boolean linkCreated,
        Integer major,
        Integer minor,
        String originalPath,
        Boolean truncated,
        List<ProvenanceStep> provenance) {

    public ManifestEntry {
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public ManifestEntry withDetectedType(String t) {
        return new ManifestEntry(path, type, size, sha256, t, mode, mtime, linkTarget, linkCreated, major, minor,
                originalPath, truncated, provenance);
    }
}
