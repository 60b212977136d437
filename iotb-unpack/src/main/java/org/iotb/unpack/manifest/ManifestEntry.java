package org.iotb.unpack.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HexFormat;
import java.util.List;
import org.iotb.unpack.spi.StoredNames;

/**
 * One extracted thing. {@code path} is relative to the output directory with '/' separators and is where the
 * entry lives on disk (for hard links and device nodes: where it would live; they are not created).
 * {@code originalPath} is the name as stored in the container when sanitising changed it.
 * {@code linkTarget} is the target as stored; {@code linkCreated} tells whether the symlink exists on disk
 * (it is created only when it resolves inside its container's tree). {@code mode} is the permission and
 * set-id bits (07777) as stored. {@code detectedType} is the format iotb recognised at the file's start, or a
 * coarse kind (elf, script, text, data, empty). {@code provenance} runs outermost first.
 * {@code originalPathHex} and {@code linkTargetHex} are the stored bytes, in hex, of a name or link target that is
 * not UTF-8 (Latin-1, Shift-JIS, junk): the text fields show such a byte as U+FFFD and the file on disk has it as
 * {@code %XX} ({@link org.iotb.unpack.spi.StoredNames}).
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
        List<ProvenanceStep> provenance,
        String originalPathHex,
        String linkTargetHex) {

    public ManifestEntry {
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        // a stored name that is not UTF-8 reaches here byte-preserving (lone surrogates), which JSON cannot carry
        if (originalPath != null && StoredNames.hasRawBytes(originalPath)) {
            originalPathHex = HexFormat.of().formatHex(StoredNames.encode(originalPath));
            originalPath = shown(originalPath);
        }
        if (linkTarget != null && StoredNames.hasRawBytes(linkTarget)) {
            linkTargetHex = HexFormat.of().formatHex(StoredNames.encode(linkTarget));
            linkTarget = shown(linkTarget);
        }
    }

    public ManifestEntry(String path, EntryType type, Long size, String sha256, String detectedType, Integer mode,
                         Long mtime, String linkTarget, Boolean linkCreated, Integer major, Integer minor,
                         String originalPath, Boolean truncated, List<ProvenanceStep> provenance) {
        this(path, type, size, sha256, detectedType, mode, mtime, linkTarget, linkCreated, major, minor, originalPath,
                truncated, provenance, null, null);
    }

    public ManifestEntry withDetectedType(String t) {
        return new ManifestEntry(path, type, size, sha256, t, mode, mtime, linkTarget, linkCreated, major, minor,
                originalPath, truncated, provenance, originalPathHex, linkTargetHex);
    }

    /** The name as a UTF-8 reader shows it: each byte that is not UTF-8 as U+FFFD. */
    private static String shown(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            sb.append(StoredNames.isRawByte(name, i) ? '\uFFFD' : name.charAt(i));
        }
        return sb.toString();
    }
}
