package org.iotb.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iotb.firmware.tree.FileTree;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Sha256;
import org.iotb.sbom.distro.Distro;
import org.iotb.sbom.distro.DistroAnnotator;
import org.iotb.sbom.distro.DistroDetector;
import org.iotb.sbom.distro.PackageDistro;
import org.iotb.sbom.distro.RootFilesystems;
import org.iotb.sbom.pkgdb.PackageDatabases;
import org.iotb.sbom.pkgdb.PackageRecord;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureHit;
import org.iotb.sbom.scan.SignatureMatcher;
import org.iotb.sbom.scan.SignatureSet;

/**
 * Builds the SBOM of an unpacked firmware tree: package databases where present, and version signatures in
 * binaries and libraries. It reads the {@link FileTree} the firmware checks read (one walk per image).
 * Symbolic links are never followed; files are read up to the limits of
 * {@link SbomOptions}; problems become warnings and the rest of the tree is still examined.
 *
 * <pre>{@code Sbom sbom = new SbomBuilder().build(Path.of("rootfs"), SbomOptions.of("fw.bin", sha256));}</pre>
 */
public final class SbomBuilder {
    private final SignatureSet signatures;

    public SbomBuilder() {
        this(SignatureSet.bundled());
    }

    public SbomBuilder(SignatureSet signatures) {
        this.signatures = Objects.requireNonNull(signatures);
    }

    /** The hex SHA-256 of an image file, for {@link SbomOptions#of(String, String)}. */
    public static String sha256(Path imageFile) throws IOException {
        return Sha256.of(imageFile);
    }

    public Sbom build(Path treeRoot, SbomOptions opts) throws IOException {
        return build(FileTree.index(treeRoot), opts);
    }

    /**
     * The SBOM of a tree already indexed (the one the firmware checks read). Entries are examined in the order
     * the tree's walk met them, which decides the order of evidence and warnings.
     */
    public Sbom build(FileTree tree, SbomOptions opts) throws IOException {
        Path root = tree.root();
        long started = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        List<SignatureHit> hits = new ArrayList<>();
        Examiner examiner = new Examiner(opts, signatures.matcher(), hits, warnings);
        if (opts.useSignatures()) {
            examiner.examine(tree);
        }
        List<PackageRecord> packages = new ArrayList<>();
        Optional<Distro> distro = Optional.empty();
        // the image's root file systems (the unpacker nests them: x.extracted/970956-squashfs/); the first that
        // names its distribution names the image's
        for (String rootfs : RootFilesystems.in(tree)) {
            Path dir = rootfs.isEmpty() ? root : root.resolve(rootfs);
            if (distro.isEmpty()) {
                distro = DistroDetector.detect(dir);
            }
            if (opts.usePackageDatabases()) {
                PackageDatabases dbs = new PackageDatabases();
                for (PackageRecord p : dbs.read(dir)) {
                    packages.add(rootfs.isEmpty() ? p : new PackageRecord(p.manager(), p.name(), p.version(),
                            p.sourceName(), p.architecture(), rootfs + p.file(), p.line()));
                }
                dbs.warnings().forEach(w -> warnings.add(rootfs.isEmpty() ? w : rootfs + ": " + w));
            }
        }
        List<Component> components = DistroAnnotator.annotate(
                new ComponentMerger(signatures, warnings, distro).merge(hits, packages), distro);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("filesSeen", examiner.filesSeen);
        stats.put("filesScanned", examiner.filesScanned);
        stats.put("bytesRead", examiner.bytesRead);
        stats.put("packageRecords", packages.size());
        stats.put("components", components.size());
        stats.put("millis", (System.nanoTime() - started) / 1_000_000);
        return new Sbom(new Sbom.Subject(opts.subjectName() != null ? opts.subjectName()
                : String.valueOf(root.getFileName()), opts.subjectSha256()), components, warnings, stats);
    }

    /** Runs path patterns on every entry of the tree and content signatures on the files worth reading. */
    private static final class Examiner {
        private final SbomOptions opts;
        private final SignatureMatcher matcher;
        private final List<SignatureHit> hits;
        private final List<String> warnings;
        int filesSeen;
        int filesScanned;
        long bytesRead;

        Examiner(SbomOptions opts, SignatureMatcher matcher, List<SignatureHit> hits, List<String> warnings) {
            this.opts = opts;
            this.matcher = matcher;
            this.hits = hits;
            this.warnings = warnings;
        }

        void examine(FileTree tree) {
            for (FileTree.Visit v : tree.walkOrder()) {
                switch (v.kind()) {
                    case DIRECTORY -> {
                        if (!v.path().isEmpty()) {
                            hits.addAll(matcher.matchPath(v.path() + "/", lastElement(v.path()), true));
                        }
                    }
                    case FAILED -> warnings.add(v.path() + ": " + v.failure());
                    case FILE -> {
                        if (!file(tree.file(v.path()).orElseThrow())) {
                            return;
                        }
                    }
                }
            }
        }

        private static String lastElement(String path) {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** Examines one regular file; false when a limit stops the examination of the tree. */
        private boolean file(TreeFile f) {
            if (++filesSeen > opts.maxFiles()) {
                warnings.add("more than " + opts.maxFiles() + " files: the rest of the tree was not examined");
                return false;
            }
            String rel = f.path();
            String name = f.name();
            hits.addAll(matcher.matchPath(rel, name, false));
            if (f.size() < 4) {
                return true;
            }
            try (InputStream in = Files.newInputStream(f.absolute())) {
                byte[] head = in.readNBytes(4);
                boolean blob = false;
                if (!matcher.wantsContent(name, head, head.length)) {
                    // a boot loader carved out as "data" or "firmware.gz" is found by its content, not its name
                    blob = f.kind() == org.iotb.firmware.tree.FileKind.BINARY && matcher.wantsBlob(f.size());
                    if (!blob) {
                        return true;
                    }
                }
                long budget = Math.min(opts.maxFileBytes(), opts.maxTotalBytes() - bytesRead);
                if (budget <= 0) {
                    warnings.add("read budget of " + opts.maxTotalBytes() + " bytes spent: remaining files skipped");
                    return false;
                }
                if (f.size() > budget) {
                    warnings.add(rel + ": only the first " + budget + " of " + f.size() + " bytes were read");
                }
                filesScanned++;
                // the 4 head bytes are part of the content: rescan from the start through a fresh stream
                try (InputStream all = Files.newInputStream(f.absolute())) {
                    hits.addAll(blob ? matcher.matchBlob(rel, name, all, budget)
                            : matcher.matchContent(rel, name, all, budget));
                }
                bytesRead += Math.min(f.size(), budget);
            } catch (IOException | RuntimeException e) {
                warnings.add(rel + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return true;
        }
    }

    /** Turns hits and package records into one component per (component, version), with merged evidence. */
    private static final class ComponentMerger {
        private final SignatureSet signatures;
        private final List<String> warnings;
        private final Map<String, Component> byKey = new LinkedHashMap<>();
        private final Optional<Distro> imageDistro;

        ComponentMerger(SignatureSet signatures, List<String> warnings, Optional<Distro> imageDistro) {
            this.signatures = signatures;
            this.warnings = warnings;
            this.imageDistro = imageDistro;
        }

        List<Component> merge(List<SignatureHit> hits, List<PackageRecord> packages) {
            for (PackageRecord p : packages) {
                addPackage(p);
            }
            for (SignatureHit h : consistent(hits)) {
                addHit(h);
            }
            dropUnversionedDuplicates();
            List<Component> list = new ArrayList<>();
            for (Component c : byKey.values()) {
                list.add(withEvidenceOrdered(c));
            }
            list.sort(Comparator.comparing((Component c) -> c.name().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(c -> c.version() == null ? "" : c.version()));
            return list;
        }

        /**
         * When a component's own banner (high confidence) names a version, weaker readings of a different version
         * of the same component are dropped: they are far more likely misreadings than a second copy.
         */
        private List<SignatureHit> consistent(List<SignatureHit> hits) {
            Map<String, java.util.Set<String>> strongVersions = new LinkedHashMap<>();
            for (SignatureHit h : hits) {
                if (h.version() != null && h.confidence() == Confidence.HIGH) {
                    strongVersions.computeIfAbsent(h.signature().id(), k -> new java.util.HashSet<>())
                            .add(h.version());
                }
            }
            List<SignatureHit> out = new ArrayList<>();
            for (SignatureHit h : hits) {
                java.util.Set<String> strong = strongVersions.get(h.signature().id());
                if (h.version() != null && h.confidence() != Confidence.HIGH && strong != null
                        && !strong.contains(h.version())) {
                    warnings.add(h.path() + ": " + h.signature().name() + " " + h.version()
                            + " (" + h.confidence().id() + " confidence) disagrees with " + strong + "; not listed");
                    continue;
                }
                out.add(h);
            }
            return out;
        }

        private void addPackage(PackageRecord p) {
            Signature sig = signatures.byPackage(p.name(), p.sourceName()).orElse(null);
            String version = p.upstreamVersion();
            Evidence ev = Evidence.line(p.file(), p.line(),
                    "Package: " + p.name() + " Version: " + p.version());
            Distro distro = PackageDistro.of(p, imageDistro);
            String distroKey = distro == null ? null : distro.key();
            String sourcePackage = p.sourceName() != null ? p.sourceName() : p.name();
            if (sig != null) {
                // a distribution's package is named by its package URL (pkg:deb/debian/libc6@…&distro=debian-12)
                String purl = distro != null && !p.manager().equals("opkg") ? packagePurl(p, distro)
                        : sig.purlFor(version);
                put(new Component(sig.id(), sig.name(), version, p.version(), purl,
                        sig.cpeFor(version), Confidence.HIGH, ComponentSource.PACKAGE_DB, List.of(ev), distroKey,
                        sourcePackage));
            } else {
                put(new Component("pkg:" + p.name(), p.name(), version, p.version(), packagePurl(p, distro), null,
                        Confidence.HIGH, ComponentSource.PACKAGE_DB, List.of(ev), distroKey, sourcePackage));
            }
        }

        private static String packagePurl(PackageRecord p, Distro distro) {
            String arch = (p.architecture() == null ? "" : "?arch=" + p.architecture())
                    + (distro == null || distro.release() == null ? ""
                    : (p.architecture() == null ? "?" : "&") + "distro=" + distro.purlQualifier());
            String name = org.iotb.sbom.scan.PurlText.encode(p.name());
            String ver = org.iotb.sbom.scan.PurlText.encode(p.version());
            return switch (p.manager()) {
                case "dpkg" -> "pkg:deb/debian/" + name + "@" + ver + arch;
                case "apk" -> "pkg:apk/alpine/" + name + "@" + ver + arch;
                default -> "pkg:generic/" + name + "@" + ver + arch;
            };
        }

        private void addHit(SignatureHit h) {
            Signature sig = h.signature();
            Evidence ev = h.offset() != null ? Evidence.offset(h.path(), h.offset(), h.excerpt())
                    : new Evidence(h.path(), null, null, h.excerpt(), null, null, null, null, null, null, null);
            put(new Component(sig.id(), sig.name(), h.version(), null, sig.purlFor(h.version()),
                    sig.cpeFor(h.version()), h.confidence(), ComponentSource.SIGNATURE, List.of(ev)));
        }

        private void put(Component c) {
            String key = c.id() + "\u0000" + (c.version() == null ? "" : c.version());
            Component old = byKey.get(key);
            if (old == null) {
                byKey.put(key, c);
                return;
            }
            Component merged = old.withEvidenceAdded(c.evidence());
            if (c.confidence().compareTo(merged.confidence()) > 0) {
                merged = merged.withConfidence(c.confidence());
            }
            byKey.put(key, merged);
        }

        /** Package records first, then strings read from content, then file and path names. */
        private static Component withEvidenceOrdered(Component c) {
            List<Evidence> ev = new ArrayList<>(c.evidence());
            ev.sort(Comparator.comparingInt(e -> e.line() != null ? 0 : e.offset() != null ? 1 : 2));
            return new Component(c.id(), c.name(), c.version(), c.packageVersion(), c.purl(), c.cpe(),
                    c.confidence(), c.source(), ev, c.distro(), c.distroPackage());
        }

        /** "wolfSSL, version unknown" adds nothing when a versioned wolfSSL was also found. */
        private void dropUnversionedDuplicates() {
            java.util.Set<String> versioned = new java.util.HashSet<>();
            for (Component c : byKey.values()) {
                if (c.hasVersion()) {
                    versioned.add(c.id());
                }
            }
            byKey.values().removeIf(c -> !c.hasVersion() && versioned.contains(c.id()));
        }
    }
}
