package org.iotb.unpack.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.iotb.model.Json;
import org.iotb.model.Sha256;
import org.iotb.model.Tool;
import org.iotb.model.io.InputFiles;
import org.iotb.model.io.PathRefusedException;
import org.iotb.model.io.SafeOutput;
import org.iotb.unpack.UnpackListener;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.carve.Candidate;
import org.iotb.unpack.carve.MagicScanner;
import org.iotb.unpack.codec.NativeLzma;
import org.iotb.unpack.manifest.ContainerRecord;
import org.iotb.unpack.manifest.EntryList;
import org.iotb.unpack.manifest.EntryType;
import org.iotb.unpack.manifest.EntropyProfile;
import org.iotb.unpack.manifest.Manifest;
import org.iotb.unpack.manifest.ManifestEntry;
import org.iotb.unpack.manifest.ProvenanceStep;
import org.iotb.unpack.manifest.Region;
import org.iotb.unpack.manifest.UBootEnvironment;
import org.iotb.unpack.sink.Budget;
import org.iotb.unpack.sink.SafeSink;
import org.iotb.unpack.sink.Warnings;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;

/**
 * One unpack: carve the image, extract each structure through a {@link SafeSink}, recurse into the files that
 * came out, and assemble the manifest. All state lives here and is touched by one thread; only the magic
 * scans of extracted files run ahead on a small pool ({@link ScanAhead}).
 */
public final class UnpackRun {
    static final int MAX_CANDIDATES = 2_000_000;
    /**
     * Images from this size load the native LZMA decoder on a second thread as the run starts (about 0.1 s of
     * CPU, mostly JNA's start-up); smaller ones load it only if they hold xz or LZMA data.
     */
    static final long PRELOAD_LZMA_FROM = 1 << 20;

    private final List<FormatHandler> handlers;
    private final List<Integer> offsetZeroOnly = new ArrayList<>();
    private final MagicScanner scanner;
    private final UnpackOptions options;
    private final UnpackListener listener;
    private final Budget budget;
    private final Warnings warnings = new Warnings();
    /** Every entry so far, in manifest order; past {@link #heldEntries} they wait on disk ({@link EntryList}). */
    private EntryList entries;
    private final int heldEntries;
    private final List<ContainerRecord> containers = new ArrayList<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<UBootEnvironment> envs = new ArrayList<>();
    /** Scans extracted files ahead of the carving thread ({@link ScanAhead}); everything else stays on one thread. */
    private final ExecutorService scanPool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "unpack-scan");
                t.setDaemon(true);
                return t;
            });
    private Path outDir;
    /** The image's SHA-256, computed on the pool while the carving starts. */
    private Future<String> imageSha;
    /** "name: reason" of each entry skipped by an {@link EntryGuard} (the warnings hold the same). */
    private final List<String> skippedEntries = new ArrayList<>();
    /** Per-container limits that were hit (the result may miss structures): name → first place it was hit. */
    private final Map<String, String> limitsHit = new LinkedHashMap<>();
    private long candidates;
    private long identifyCalls;
    private boolean budgetReported;

    public UnpackRun(List<FormatHandler> handlers, UnpackOptions options, UnpackListener listener) {
        this(handlers, options, listener, EntryList.DEFAULT_HELD);
    }

    /** With {@code heldEntries} manifest entries kept in memory before the rest spill to disk (tests use few). */
    UnpackRun(List<FormatHandler> handlers, UnpackOptions options, UnpackListener listener, int heldEntries) {
        this.heldEntries = heldEntries;
        this.handlers = handlers;
        this.options = options;
        this.listener = listener;
        this.budget = new Budget(options);
        this.scanner = new MagicScanner(handlers);
        for (int i = 0; i < handlers.size(); i++) {
            List<?> m;
            try {
                m = handlers.get(i).magics();
            } catch (RuntimeException e) {
                m = List.of();
            }
            boolean scannable = m != null && m.stream().anyMatch(x -> x instanceof org.iotb.unpack.spi.Magic g
                    && g.bytes() != null && g.bytes().length >= 2);
            if (!scannable) {
                offsetZeroOnly.add(i);
            }
        }
    }

    public UnpackResult run(Path image, Path out) throws IOException {
        long t0 = System.nanoTime();
        InputFiles.requireFile(image, "image");
        SafeOutput.directory(out); // a real directory, not a link planted where the output goes
        this.outDir = out.toRealPath();
        this.entries = new EntryList(outDir, heldEntries);
        String imageName = image.getFileName().toString();
        String rootName = safeDirName(imageName) + ".extracted";
        Path root = outDir.resolve(rootName);
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new PathRefusedException(root + " already exists; choose an empty output directory");
        }
        if (Files.size(image) >= PRELOAD_LZMA_FROM) {
            NativeLzma.loadInBackground(); // overlaps the hashing and the first carving
        }
        // two whole passes over the image that nothing needs at once: they run beside the carving
        imageSha = scanPool.submit(() -> Sha256.of(image));
        Future<EntropyProfile> profileTask = scanPool.submit(() -> {
            try (ByteSource s = ByteSource.open(image)) {
                return RegionAnalyzer.profile(s, options.entropyPoints());
            }
        });
        String sha;
        EntropyProfile profile;
        long size;
        try (ByteSource src = ByteSource.open(image)) {
            size = src.size();
            Set<String> ancestors = new HashSet<>();
            Files.createDirectory(root);
            keepBareExecutable(src, imageName, root, rootName);
            carve(src, imageName, root, rootName, List.of(), 0, ancestors, true, null);
            sha = join(imageSha);
            profile = join(profileTask);
        } catch (IOException | RuntimeException e) {
            entries.close();
            throw e;
        } finally {
            scanPool.shutdownNow();
        }
        if (containers.isEmpty()) {
            warnings.add(imageName + ": no known structure found; nothing extracted");
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxDepth", options.maxDepth());
        limits.put("maxTotalBytes", options.maxTotalBytes());
        limits.put("maxFileSize", options.maxFileSize());
        limits.put("maxRatio", options.maxRatio());
        limits.put("ratioFloorBytes", options.ratioFloorBytes());
        limits.put("maxFiles", options.maxFiles());
        limits.put("timeoutSeconds", options.timeout().toSeconds());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("durationMs", (System.nanoTime() - t0) / 1_000_000);
        stats.put("entries", entries.size());
        stats.put("files", entries.stream().filter(e -> e.type() == EntryType.FILE).count());
        stats.put("bytesWritten", budget.bytesWritten());
        stats.put("containers", containers.size());
        stats.put("candidates", candidates);
        stats.put("identifyCalls", identifyCalls);
        stats.put("handlers", handlers.stream().map(FormatHandler::id).toList());
        String lzma = NativeLzma.descriptionIfLoaded();
        stats.put("lzmaDecoder", lzma != null ? lzma : "not loaded (no xz or LZMA data decoded)");
        if (budget.exhausted() != null) {
            stats.put("stoppedBy", budget.exhausted());
        }
        if (entries.spilled() > 0) {
            // not a limit: every entry is in the manifest; past the first ones they waited on disk, not the heap
            stats.put("entriesSpilledToDisk", entries.spilled());
        }
        if (!skippedEntries.isEmpty()) {
            stats.put("skippedEntries", skippedEntries.size());
        }
        if (!limitsHit.isEmpty()) {
            stats.put("limitsHit", new LinkedHashMap<>(limitsHit));
        }
        Manifest m = new Manifest(Tool.nameAndVersion(), imageName, size, sha, rootName, limits, entries, containers,
                regions, envs, profile, warnings.list(), stats);
        Path manifestFile = outDir.resolve("manifest.json");
        SafeOutput.write(manifestFile, stream -> Json.mapper().writeValue(stream, m));
        return new UnpackResult(outDir, manifestFile, m);
    }

    /**
     * An ELF given as the image (one daemon, a VxWorks or kernel ELF) is itself what the checks must read: it is
     * written whole into the tree as {@code 0-elf/<name>}, so the hardening checks and the SBOM see a binary
     * rather than an empty tree. It is not carved again (the image's own carving below does that); what the
     * carving finds inside it goes next to it as usual.
     */
    private void keepBareExecutable(ByteSource src, String imageName, Path root, String rootName) throws IOException {
        if (src.size() < 52 || !TypeSniffer.isElf(src.bytes(0, 4))) {
            return;
        }
        String dirName = "0-elf";
        Path dir = root.resolve(dirName);
        Files.createDirectory(dir);
        String rel = rootName + "/" + dirName;
        List<ProvenanceStep> chain = List.of(new ProvenanceStep(imageName, "elf", 0, src.size()));
        SafeSink sink = new SafeSink(dir, rel, chain, budget, warnings, imageName + "@0 elf", src.size());
        try (java.io.InputStream in = src.stream(0, src.size())) {
            sink.file(safeDirName(imageName), 0755, 0, in);
        }
        for (ManifestEntry e : sink.entries()) {
            entries.add(e.type() == EntryType.FILE ? e.withDetectedType("elf") : e);
        }
        ContainerRecord rec = new ContainerRecord(imageName, "elf", 0, src.size(),
                "ELF executable given as the image: kept whole for the checks", rel, 0, null);
        containers.add(rec);
        listener.containerExtracted(rec, entries.size(), budget.bytesWritten());
    }

    /**
     * Finds and extracts the structures of {@code src}. {@code base} is the directory their outputs go to
     * (created on first use). Returns the format found at offset 0, or null.
     */
    private String carve(ByteSource src, String container, Path base, String baseRel, List<ProvenanceStep> chain,
                         int depth, Set<String> ancestors, boolean baseExists,
                         Supplier<MagicScanner.Result> scanned) throws IOException {
        if (stopIfExhausted()) {
            return null;
        }
        MagicScanner.Result scan = scanned == null ? null : scanned.get();
        if (scan == null) {
            scan = scanner.scan(src, MAX_CANDIDATES, budget::isExhausted);
        }
        if (scan.dropped() > 0) {
            // a spray of one magic: the first candidates of each region are tried, the rest are not
            warnings.add(container + ": " + scan.dropped() + " magic candidates beyond " + MagicScanner.PER_REGION
                    + " per format per " + (MagicScanner.REGION >> 20) + " MiB region (or " + MagicScanner.PER_REGION_OVER
                    + " past " + MAX_CANDIDATES + " in all) not tried; a structure starting there may be missed");
            limitsHit.putIfAbsent("candidatesPerRegion", container);
        }
        List<Candidate> cands = new ArrayList<>(scan.candidates().size() + offsetZeroOnly.size());
        for (int h : offsetZeroOnly) {
            cands.add(new Candidate(0, h));
        }
        cands.addAll(scan.candidates());
        cands.sort(null);
        candidates += cands.size();

        long claimedEnd = 0;
        List<long[]> placed = new ArrayList<>();
        String atZero = null;
        boolean[] madeBase = {baseExists};
        int i = 0;
        while (i < cands.size()) {
            long p = cands.get(i).offset();
            int j = i;
            while (j < cands.size() && cands.get(j).offset() == p) {
                j++;
            }
            if (stopIfExhausted()) {
                break;
            }
            if (p >= claimedEnd) {
                Match best = null;
                FormatHandler bestH = null;
                for (int k = i; k < j; k++) {
                    FormatHandler h = handlers.get(cands.get(k).handler());
                    Match m = identify(h, src, p, claimedEnd);
                    if (m != null && (best == null || longer(m, best))) {
                        best = m;
                        bestH = h;
                    }
                }
                if (best != null) {
                    long extent = extract(bestH, best, src, container, base, baseRel, madeBase, chain, depth, ancestors);
                    if (extent >= 0) {
                        long len = best.length() > 0 ? best.length() : extent;
                        claimedEnd = len > 0 ? best.offset() + len : p + 1;
                        placed.add(new long[] {best.offset(), len > 0 ? best.offset() + len : -1});
                        if (best.offset() == 0) {
                            atZero = best.format();
                        }
                    }
                }
            }
            i = j;
        }
        if (depth == 0 || !placed.isEmpty()) {
            recordRegions(src, container, placed);
        }
        if (madeBase[0] && !baseExists && placed.isEmpty()) {
            deleteEmptyDir(base); // every candidate failed: no empty <file>.extracted left beside the file
        }
        return atZero;
    }

    private static boolean longer(Match a, Match b) {
        long la = a.length() > 0 ? a.length() : 0;
        long lb = b.length() > 0 ? b.length() : 0;
        return la > lb;
    }

    private Match identify(FormatHandler h, ByteSource src, long p, long claimedEnd) {
        identifyCalls++;
        try {
            Match m = h.identify(src, p).orElse(null);
            if (m == null || m.offset() < claimedEnd || m.offset() > p || m.format() == null) {
                return null;
            }
            if (m.length() == 0 || m.length() < -1 || m.length() > 0 && m.length() > src.size() - m.offset()) {
                return null;
            }
            return m;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Extracts one match; returns the structure's extent (0 if unknown) or -1 when nothing came out. */
    private long extract(FormatHandler h, Match m, ByteSource src, String container, Path base, String baseRel,
                         boolean[] madeBase, List<ProvenanceStep> chain, int depth, Set<String> ancestors)
            throws IOException {
        String dirName = m.offset() + "-" + safeDirName(m.format());
        Path root = base.resolve(dirName);
        try {
            if (!madeBase[0]) {
                Files.createDirectory(base);
                madeBase[0] = true;
            }
            Files.createDirectory(root);
        } catch (IOException e) {
            warnings.add(container + "@" + m.offset() + " " + m.format() + ": cannot create " + dirName + ": " + e);
            return -1;
        }
        String rel = baseRel + "/" + dirName;
        ProvenanceStep step = new ProvenanceStep(container, m.format(), m.offset(), m.length() > 0 ? m.length() : null);
        List<ProvenanceStep> chain2 = new ArrayList<>(chain);
        chain2.add(step);
        long inputLen = m.length() > 0 ? m.length() : src.size() - m.offset();
        String label = container + "@" + m.offset() + " " + m.format();
        SafeSink sink = new SafeSink(root, rel, chain2, budget, warnings, label, inputLen);
        try {
            h.extract(src, m, new EntryGuard(sink, skippedEntries::add));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            sink.warn("extraction failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        List<ManifestEntry> made = sink.entries();
        Map<String, Path> written = sink.writtenFiles();
        long reportedExtent = sink.reportedExtent();
        sink = null; // its copies of a large container's entries are not kept through the recursion below
        if (made.isEmpty()) {
            deleteEmptyDir(root);
            return -1;
        }
        long extent = m.length() > 0 ? m.length() : Math.max(0, reportedExtent);
        ContainerRecord rec = new ContainerRecord(container, m.format(), m.offset(), extent > 0 ? extent : null,
                m.description(), rel, depth, m.info().isEmpty() ? null : new LinkedHashMap<>(m.info()));
        containers.add(rec);
        if (m.format().startsWith("uboot-") && m.info().get("variables") instanceof Map<?, ?> vars) {
            Map<String, String> v = new LinkedHashMap<>();
            vars.forEach((k, val) -> v.put(String.valueOf(k), String.valueOf(val)));
            envs.add(new UBootEnvironment(container, m.offset(), extent, Boolean.TRUE.equals(m.info().get("redundant")), v,
                    Boolean.TRUE.equals(m.info().get("builtIn")) ? Boolean.TRUE : null));
        }
        int first = entries.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (ManifestEntry e : made) {
            index.put(e.path(), entries.size());
            entries.add(e);
        }
        made = null; // held by the entry list now (or spilled to disk)
        listener.containerExtracted(rec, entries.size(), budget.bytesWritten());
        List<Path> files = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Map.Entry<String, Path> f : written.entrySet()) {
            Integer at = index.get(rel + "/" + f.getKey());
            if (at != null) {
                files.add(f.getValue());
                positions.add(at);
            }
        }
        written = null;
        index = null;
        awaitImageSha(ancestors);
        try (ScanAhead ahead = new ScanAhead(scanner, scanPool, files, MAX_CANDIDATES, budget::isExhausted)) {
            for (int k = 0; k < files.size(); k++) {
                int at = positions.get(k);
                int which = k;
                ManifestEntry e = entries.get(at);
                String type = recurse(files.get(k), e, chain2, depth + 1, ancestors, () -> ahead.result(which));
                entries.set(at, e.withDetectedType(type != null ? type : TypeSniffer.sniff(files.get(k))));
            }
        }
        return extent;
    }

    /**
     * The image's own hash joins the top-level ancestors (empty until then; deeper sets are copies holding it)
     * before the first file is recursed into, so that a container holding the image itself is caught as a loop.
     */
    private void awaitImageSha(Set<String> ancestors) throws IOException {
        if (ancestors.isEmpty()) {
            ancestors.add(join(imageSha));
        }
    }

    private static <T> T join(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private String recurse(Path file, ManifestEntry e, List<ProvenanceStep> chain, int depth, Set<String> ancestors,
                           Supplier<MagicScanner.Result> scanned) throws IOException {
        if (budget.isExhausted() || e.size() == null || e.size() == 0) {
            return null;
        }
        if (ancestors.contains(e.sha256())) {
            warnings.add(e.path() + ": same content as a container it came from; not unpacked again (loop)");
            return null;
        }
        if (depth >= options.maxDepth()) {
            String found = formatAtZero(file);
            if (found != null) {
                warnings.add(e.path() + ": depth limit of " + options.maxDepth() + " reached; " + found
                        + " not unpacked");
            }
            return found;
        }
        Path base = file.resolveSibling(file.getFileName() + ".extracted");
        int n = 2;
        while (Files.exists(base, LinkOption.NOFOLLOW_LINKS) && n < 100) {
            base = file.resolveSibling(file.getFileName() + ".extracted-" + n++);
        }
        String baseRel = outDir.relativize(base).toString().replace('\\', '/');
        Set<String> anc = new HashSet<>(ancestors);
        anc.add(e.sha256());
        try (ByteSource fs = ByteSource.open(file)) {
            return carve(fs, e.path(), base, baseRel, chain, depth, anc, false, scanned);
        } catch (IOException ex) {
            warnings.add(e.path() + ": not unpacked: " + ex);
            return null;
        }
    }

    /**
     * The format at the start of a file past the depth limit, for its type only. Like the carving at offset 0,
     * only handlers whose magic is there (or that have no scannable magic) are asked, sparing the others'
     * trial decodes on every file of a large tree.
     */
    private String formatAtZero(Path file) {
        try (ByteSource fs = ByteSource.open(file)) {
            byte[] head = fs.bytes(0, (int) Math.min(fs.size(), scanner.reach()));
            for (int i = 0; i < handlers.size(); i++) {
                if (!offsetZeroOnly.contains(i) && !scanner.matchesAtStart(head, i)) {
                    continue;
                }
                Match m = identify(handlers.get(i), fs, 0, 0);
                if (m != null && m.offset() == 0) {
                    return m.format();
                }
            }
        } catch (IOException ignored) {
            // unreadable: no type
        }
        return null;
    }

    private void recordRegions(ByteSource src, String container, List<long[]> placed) throws IOException {
        List<long[]> covered = new ArrayList<>();
        for (int k = 0; k < placed.size(); k++) {
            long[] p = placed.get(k);
            long end = p[1] >= 0 ? p[1] : (k + 1 < placed.size() ? placed.get(k + 1)[0] : src.size());
            covered.add(new long[] {p[0], end});
        }
        for (long[] g : RegionAnalyzer.gaps(covered, src.size())) {
            if (regions.size() >= 100_000) {
                return;
            }
            regions.add(RegionAnalyzer.describe(src, container, g[0], g[1]));
        }
    }

    private boolean stopIfExhausted() {
        String why = budget.exhausted();
        if (why != null && !budgetReported) {
            budgetReported = true;
            warnings.add("unpacking stopped: " + why + "; the result is partial");
        }
        return why != null;
    }

    private static void deleteEmptyDir(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a non-empty directory stays; its content is not in the manifest but harmless
        }
    }

    static String safeDirName(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 120; i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String r = sb.toString();
        return r.isEmpty() || r.equals(".") || r.equals("..") ? "_" : r;
    }
}
