package org.iotb.report.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iotb.model.Sha256;

/**
 * The list of files of a report bundle (an assessment's output folder) with their SHA-256, in the format of GNU
 * {@code sha256sum} ("HASH  relative/path", one line per file, sorted by path, '/' as separator), so that
 * {@code sha256sum -c manifest.sha256} checks it without iotb. The manifest and its signature are not listed.
 */
public record BundleManifest(Map<String, String> sha256ByPath) {
    public static final String MANIFEST = "manifest.sha256";
    public static final String SIGNATURE = "manifest.p7s";

    public BundleManifest {
        sha256ByPath = java.util.Collections.unmodifiableMap(new TreeMap<>(sha256ByPath));
    }

    /**
     * Hashes every regular file under {@code dir}. A symbolic link, or a name {@code sha256sum} would have to escape
     * (a newline or a backslash), is refused: what a signature covers must be plain files with plain names.
     */
    public static BundleManifest of(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String rel = relative(root, f);
                if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                    refused.add(rel + " (" + (attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file") + ")");
                } else if (rel.contains("\n") || rel.contains("\\") || rel.contains("\r")) {
                    refused.add(rel + " (a newline or backslash in the name)");
                } else if (!rel.equals(MANIFEST) && !rel.equals(SIGNATURE)) {
                    out.put(rel, Sha256.of(f));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!refused.isEmpty()) {
            throw new IOException("cannot list " + dir + " in a manifest: " + String.join(", ", refused));
        }
        return new BundleManifest(out);
    }

    private static String relative(Path root, Path f) {
        return root.relativize(f.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The manifest as {@code sha256sum} writes it: "HASH  path\n" per file, sorted by path. */
    public byte[] bytes() {
        StringBuilder b = new StringBuilder();
        sha256ByPath.forEach((path, sha) -> b.append(sha).append("  ").append(path).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; a line that is not "HASH  path" (or "HASH *path") is an error naming its number. */
    public static BundleManifest parse(byte[] bytes) throws IOException {
        Map<String, String> out = new TreeMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}") || line.charAt(64) != ' '
                    || (line.charAt(65) != ' ' && line.charAt(65) != '*')) {
                throw new IOException(MANIFEST + " line " + (i + 1) + " is not 'SHA256  path'");
            }
            out.put(line.substring(66), line.substring(0, 64));
        }
        return new BundleManifest(out);
    }
}
