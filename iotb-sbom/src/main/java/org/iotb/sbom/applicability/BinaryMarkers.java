package org.iotb.sbom.applicability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.scan.PrintableStrings;

/**
 * Which marker strings of the rules a file of the image holds, and at which offset. Each file is read once (up to
 * the SBOM's per-file limit, printable runs as {@code strings -n 4} sees them) and searched for every marker at
 * once; the answer is kept for the other CVEs of the same component.
 */
final class BinaryMarkers {
    private final FileTree tree;
    private final Set<String> markers;
    private final Map<String, Optional<Map<String, Long>>> cache = new HashMap<>();

    BinaryMarkers(FileTree tree, Set<String> markers) {
        this.tree = tree;
        this.markers = markers;
    }

    /**
     * Marker → offset of its first occurrence in the file at this tree path, or empty when the path is not a
     * regular file of the tree or cannot be read (then it proves nothing either way).
     */
    Optional<Map<String, Long>> in(String path) {
        return cache.computeIfAbsent(path, this::scan);
    }

    Optional<TreeFile> file(String path) {
        return tree.file(path);
    }

    private Optional<Map<String, Long>> scan(String path) {
        Optional<TreeFile> f = tree.file(path);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> found = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(f.get().absolute(), LinkOption.NOFOLLOW_LINKS)) {
            new PrintableStrings(4, 1024).extract(in, SbomOptions.DEFAULT_MAX_FILE_BYTES, (s, offset) -> {
                for (String m : markers) {
                    int i = s.indexOf(m);
                    if (i >= 0) {
                        found.putIfAbsent(m, offset + i);
                    }
                }
            });
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** Up to the per-file limit of the file's bytes, or empty when it cannot be read. */
    Optional<byte[]> bytes(TreeFile f) {
        try (InputStream in = Files.newInputStream(f.absolute(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, SbomOptions.DEFAULT_MAX_FILE_BYTES)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
