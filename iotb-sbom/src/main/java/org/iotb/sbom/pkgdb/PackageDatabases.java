package org.iotb.sbom.pkgdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and reads the package databases of an unpacked tree: dpkg ({@code var/lib/dpkg/status}), opkg
 * ({@code usr/lib/opkg/status}, {@code var/lib/opkg/status}, {@code usr/lib/opkg/info/*.control}) and apk
 * ({@code lib/apk/db/installed}). Only installed packages are returned; a package listed twice (status file and
 * .control file) is returned once. Links are not followed out of the tree.
 */
public final class PackageDatabases {
    private static final int MAX_RECORDS = 50_000;
    private static final long MAX_DB_BYTES = 64L << 20;
    private static final int MAX_CONTROL_FILES = 20_000;

    private final List<String> warnings = new ArrayList<>();

    public List<String> warnings() {
        return warnings;
    }

    public List<PackageRecord> read(Path root) {
        Map<String, PackageRecord> byKey = new LinkedHashMap<>();
        for (String status : List.of("var/lib/dpkg/status")) {
            readControl(root, status, "dpkg", byKey);
        }
        for (String status : List.of("usr/lib/opkg/status", "var/lib/opkg/status")) {
            readControl(root, status, "opkg", byKey);
        }
        readOpkgInfo(root, "usr/lib/opkg/info", byKey);
        readApk(root, "lib/apk/db/installed", byKey);
        return new ArrayList<>(byKey.values());
    }

    private void readControl(Path root, String rel, String manager, Map<String, PackageRecord> byKey) {
        Path f = root.resolve(rel);
        if (!isRegularInside(root, f)) {
            return;
        }
        try (InputStream in = bounded(f)) {
            for (ControlParagraphs.Paragraph p : ControlParagraphs.read(in, MAX_RECORDS)) {
                add(manager, p, rel, byKey);
            }
        } catch (IOException e) {
            warnings.add("cannot read " + rel + ": " + e.getMessage());
        }
    }

    private void readOpkgInfo(Path root, String relDir, Map<String, PackageRecord> byKey) {
        Path dir = root.resolve(relDir);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int seen = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.control")) {
            for (Path f : ds) {
                if (++seen > MAX_CONTROL_FILES) {
                    warnings.add(relDir + ": more than " + MAX_CONTROL_FILES + " control files, rest skipped");
                    break;
                }
                if (!isRegularInside(root, f)) {
                    continue;
                }
                String rel = relDir + "/" + f.getFileName();
                try (InputStream in = bounded(f)) {
                    for (ControlParagraphs.Paragraph p : ControlParagraphs.read(in, 1)) {
                        // .control files of installed packages carry no Status field: presence means installed
                        add("opkg", p, rel, byKey);
                    }
                } catch (IOException e) {
                    warnings.add("cannot read " + rel + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            warnings.add("cannot list " + relDir + ": " + e.getMessage());
        }
    }

    private void readApk(Path root, String rel, Map<String, PackageRecord> byKey) {
        Path f = root.resolve(rel);
        if (!isRegularInside(root, f)) {
            return;
        }
        try (InputStream in = bounded(f)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String name = null;
            String version = null;
            String arch = null;
            String origin = null;
            int line = 0;
            int start = 1;
            for (String l : (text + "\n\n").split("\n", -1)) {
                line++;
                if (l.isBlank()) {
                    if (name != null && version != null) {
                        put(byKey, new PackageRecord("apk", name, version, origin, arch, rel, start));
                    }
                    name = version = arch = origin = null;
                    start = line + 1;
                } else if (l.startsWith("P:")) {
                    name = l.substring(2).trim();
                } else if (l.startsWith("V:")) {
                    version = l.substring(2).trim();
                } else if (l.startsWith("A:")) {
                    arch = l.substring(2).trim();
                } else if (l.startsWith("o:")) {
                    origin = l.substring(2).trim();
                }
            }
        } catch (IOException e) {
            warnings.add("cannot read " + rel + ": " + e.getMessage());
        }
    }

    private static void add(String manager, ControlParagraphs.Paragraph p, String rel,
            Map<String, PackageRecord> byKey) {
        String name = p.get("package");
        String version = p.get("version");
        if (name == null || version == null || name.isBlank() || version.isBlank()) {
            return;
        }
        String status = p.get("status");
        if (status != null && !status.endsWith(" installed")) {
            return; // deinstalled, config-files only, half-installed
        }
        String source = p.get("source");
        if (source != null) {
            source = source.replaceAll("\\s*\\(.*\\)$", "").trim(); // "busybox (1:1.35.0-4)"
        }
        put(byKey, new PackageRecord(manager, name.trim(), version.trim(), source, p.get("architecture"), rel,
                p.line()));
    }

    private static void put(Map<String, PackageRecord> byKey, PackageRecord r) {
        byKey.putIfAbsent(r.manager() + "\u0000" + r.name() + "\u0000" + r.version(), r);
    }

    private static InputStream bounded(Path f) throws IOException {
        return new BoundedInputStream(Files.newInputStream(f), MAX_DB_BYTES);
    }

    private static boolean isRegularInside(Path root, Path f) {
        // a status file that is a symlink could point anywhere on the analyst's machine: not followed
        return f.normalize().startsWith(root.normalize()) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
    }
}
