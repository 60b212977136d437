package org.iotb.sbom.vuln.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a vulnerability-data bundle: what it holds and the sha256 of every file, checked before
 * anything is loaded. {@code sources}: the newest import of each source (record count and newest record date);
 * {@code records}: the records per store file kind; {@code files}: every other file of the archive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, int formatVersion, String created, String tool,
        List<Source> sources, Map<String, Integer> records, List<FileEntry> files) {
    public static final String FORMAT = "iotb-vulndb-bundle";
    public static final int VERSION = 1;

    public BundleManifest {
        sources = sources == null ? List.of() : List.copyOf(sources);
        records = records == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(records));
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One source as last imported: its name, URL or file, records read and kept, newest record, when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String name, String from, int records, int kept, String newestRecord, String importedAt) {
    }

    /** One file of the archive: its name (a store file name, never a path), size and sha256 (hex). */
    public record FileEntry(String name, long size, String sha256) {
    }
}
