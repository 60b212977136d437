package org.iotb.sbom.vuln.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iotb.model.Json;
import org.iotb.model.Tool;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.feed.LimitedInputStream;

/**
 * One archive ({@code .tar.gz}) with a store's data files and a {@code manifest.json} ({@link BundleManifest}), to carry
 * vulnerability data to a machine without network ({@code iotb vulndb bundle} / {@code iotb vulndb import --verify}).
 *
 * <p>Reading trusts nothing in the archive: only regular-file entries named exactly like a store file (no directories,
 * links or paths, so nothing can land outside the scratch directory), each at most {@link #MAX_FILE_BYTES}
 * decompressed, at most {@link #MAX_ENTRIES} entries; every file's sha256 and size must equal the manifest's and the
 * manifest must list exactly the files present. Only then is anything loaded, and the store's files are replaced one by
 * one by atomic renames.
 */
public final class VulnDbBundle {
    public static final String MANIFEST = "manifest.json";
    static final int MAX_ENTRIES = 16;
    static final long MAX_FILE_BYTES = 1L << 30;
    static final long MAX_MANIFEST_BYTES = 1L << 20;

    private VulnDbBundle() {
    }

    /** Refused: a file differs from the manifest, or the archive breaks a rule. Names the offending file. */
    public static final class BundleException extends IOException {
        private static final long serialVersionUID = 1L;

        public BundleException(String message) {
            super(message);
        }
    }

    /** Writes {@code db}'s store files and their manifest to {@code out}; returns the manifest. */
    public static BundleManifest write(VulnDb db, Path out) throws IOException {
        Path dir = db.storeDir().orElseThrow(() -> new IllegalStateException("the bundled database has no store"));
        List<String> names = db.storeFiles();
        if (names.isEmpty()) {
            throw new IOException("the store " + dir + " holds no data: run 'iotb vulndb update' or 'import' first");
        }
        List<BundleManifest.FileEntry> files = new ArrayList<>();
        for (String n : names) {
            Path f = dir.resolve(n);
            files.add(new BundleManifest.FileEntry(n, Files.size(f), sha256(f)));
        }
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, BundleManifest.VERSION,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Tool.nameAndVersion(), sources(db),
                new TreeMap<>(db.recordCounts()), files);
        byte[] manifest = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        org.iotb.model.io.SafeOutput.write(out, os -> {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                    new GZIPOutputStream(new BufferedOutputStream(nonClosing(os))))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                add(tar, MANIFEST, manifest.length, new java.io.ByteArrayInputStream(manifest));
                for (BundleManifest.FileEntry e : files) {
                    try (InputStream in = Files.newInputStream(dir.resolve(e.name()), LinkOption.NOFOLLOW_LINKS)) {
                        add(tar, e.name(), e.size(), in);
                    }
                }
                tar.finish();
            }
        });
        return m;
    }

    /**
     * Checks {@code bundle} against its manifest and, when everything matches, replaces the store's data in
     * {@code storeDir} with it (files of the store the bundle does not carry are removed, so the store then holds
     * exactly what was bundled). Throws {@link BundleException} naming the first file that does not match.
     */
    public static BundleManifest verifyAndInstall(Path bundle, Path storeDir) throws IOException {
        org.iotb.model.io.InputFiles.requireFile(bundle, "vulnerability data bundle");
        Files.createDirectories(storeDir);
        Path dir = storeDir.toRealPath();
        Path scratch = Files.createTempDirectory(dir, ".bundle-");
        try {
            Map<String, String[]> seen = extract(bundle, scratch); // name -> {sha256, size}
            String[] manifestSeen = seen.remove(MANIFEST);
            if (manifestSeen == null) {
                throw new BundleException(bundle + ": no " + MANIFEST + " in the archive (not an iotb vulndb bundle)");
            }
            BundleManifest m = Json.mapper().readValue(scratch.resolve(MANIFEST).toFile(), BundleManifest.class);
            if (!BundleManifest.FORMAT.equals(m.format())) {
                throw new BundleException(MANIFEST + ": format '" + m.format() + "' is not " + BundleManifest.FORMAT);
            }
            Map<String, BundleManifest.FileEntry> listed = new LinkedHashMap<>();
            for (BundleManifest.FileEntry e : m.files()) {
                listed.put(e.name(), e);
            }
            for (BundleManifest.FileEntry e : m.files()) {
                String[] got = seen.get(e.name());
                if (got == null) {
                    throw new BundleException(e.name() + ": listed in the manifest but missing from the archive");
                }
                if (!got[0].equalsIgnoreCase(e.sha256()) || Long.parseLong(got[1]) != e.size()) {
                    throw new BundleException(e.name() + ": sha256 " + got[0] + " (" + got[1] + " bytes) does not "
                            + "match the manifest's " + e.sha256() + " (" + e.size() + " bytes)");
                }
            }
            for (String n : seen.keySet()) {
                if (!listed.containsKey(n)) {
                    throw new BundleException(n + ": in the archive but not listed in the manifest");
                }
            }
            Files.delete(scratch.resolve(MANIFEST));
            VulnDb.open(scratch); // it must load before it replaces anything
            for (String n : VulnDb.STORE_FILES) {
                Path target = dir.resolve(n);
                if (listed.containsKey(n)) {
                    Files.move(scratch.resolve(n), target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(target);
                }
            }
            return m;
        } finally {
            try (var s = Files.list(scratch)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    /** Reads the archive into {@code scratch} under the rules of the class comment; returns sha256 and size by name. */
    private static Map<String, String[]> extract(Path bundle, Path scratch) throws IOException {
        Set<String> allowed = new java.util.HashSet<>(VulnDb.STORE_FILES);
        allowed.add(MANIFEST);
        Map<String, String[]> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(bundle))))) {
            TarArchiveEntry e;
            int entries = 0;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (++entries > MAX_ENTRIES) {
                    throw new BundleException(bundle + ": more than " + MAX_ENTRIES + " entries");
                }
                if (!e.isFile() || e.isSymbolicLink() || e.isLink()) {
                    throw new BundleException(name + ": not a regular file (links and directories are refused)");
                }
                if (!allowed.contains(name)) {
                    throw new BundleException(name + ": not a file a vulnerability store holds (allowed: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
                if (out.containsKey(name)) {
                    throw new BundleException(name + ": appears twice in the archive");
                }
                long cap = name.equals(MANIFEST) ? MAX_MANIFEST_BYTES : MAX_FILE_BYTES;
                MessageDigest md = sha256();
                long size;
                try (OutputStream os = Files.newOutputStream(scratch.resolve(name))) {
                    size = new DigestInputStream(new LimitedInputStream(nonClosing(tar), cap, name), md)
                            .transferTo(os);
                }
                out.put(name, new String[] {HexFormat.of().formatHex(md.digest()), Long.toString(size)});
            }
        }
        return out;
    }

    /** The newest import of each source, as the manifest names it. */
    private static List<BundleManifest.Source> sources(VulnDb db) {
        Map<String, VulnDb.ImportRecord> last = new TreeMap<>();
        for (VulnDb.ImportRecord r : db.imports()) {
            String name = r.source() != null ? r.source() : r.format();
            last.merge(name, r, (a, b) -> b);
        }
        List<BundleManifest.Source> out = new ArrayList<>();
        last.forEach((n, r) -> out.add(new BundleManifest.Source(n, r.file(), r.records(), r.kept(),
                r.newestRecord(), r.at() == null ? null : r.at().toString())));
        return out;
    }

    private static void add(TarArchiveOutputStream tar, String name, long size, InputStream in) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0644);
        // whole seconds: a sub-second time would add a PAX header before the entry (and tar tools show it)
        e.setModTime(java.nio.file.attribute.FileTime.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        tar.putArchiveEntry(e);
        long copied = in.transferTo(tar);
        if (copied != size) {
            throw new IOException(name + " changed while it was being bundled");
        }
        tar.closeArchiveEntry();
    }

    static String sha256(Path f) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the archive stream stays open for the next entry
            }
        };
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // SafeOutput closes the file itself
            }
        };
    }
}
