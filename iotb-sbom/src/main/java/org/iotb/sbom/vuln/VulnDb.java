package org.iotb.sbom.vuln;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iotb.model.Json;
import org.iotb.sbom.Component;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;
import org.iotb.sbom.version.DebianVersion;

/**
 * Known vulnerabilities: the bundled starter set plus whatever the user imported into a local store directory
 * (default {@code ~/.cache/iotb/vulndb}, or {@code $IOTB_VULNDB}). The store holds one normalised JSON file per
 * source ({@code osv.json}, {@code nvd.json}) and {@code imports.json}, the log of imported files. Only records
 * about components iotb can identify are kept, which keeps a full NVD import small.
 *
 * <p>{@link #match(Component)} returns, per CVE, the record of the most authoritative source that knows it
 * (imported NVD, then OSV, then the starter set): an imported record replaces the starter entry for the same CVE,
 * whether or not it matches.
 *
 * <p>Distributions' own advisories (Debian security tracker, OSV Debian/Alpine records) are kept apart in
 * {@code distro.json}: {@link #assess(Component)} judges a distribution build by its distribution's word on its
 * installed package revision, and a vendor build by upstream ranges (see {@link VulnMatch.Basis}).
 */
public final class VulnDb {
    public static final String ENV = "IOTB_VULNDB";
    private static final List<String> SOURCES = List.of("nvd", "osv");
    private static final String DISTRO_FILE = "distro.json";

    private final Path storeDir;
    private final SignatureSet signatures;
    private final Map<String, Map<String, Vulnerability>> bySource = new LinkedHashMap<>();
    private final List<Vulnerability> starter;
    private final List<ImportRecord> imports = new ArrayList<>();
    /** Distribution advisories by {@link DistroAdvisory#key()}. */
    private final Map<String, DistroAdvisory> advisories = new LinkedHashMap<>();
    private Map<String, Map<String, DistroAdvisory>> advisoryIndex;
    private Map<String, List<Vulnerability>> index;
    /** CISA KEV and EPSS (see {@link #knownExploited}). */
    private final ExploitData exploits = new ExploitData();

    /**
     * One import, as logged in imports.json and shown by {@code iotb vulndb status}: {@code source} is the feed an
     * {@code iotb vulndb update} downloaded it from ({@code nvd}, {@code osv}, {@code debian}, {@code kev},
     * {@code epss}; null for a file the user imported), {@code newestRecord} the latest record date in it (ISO UTC,
     * see {@link FeedDates}; null when the format has none, as the Debian tracker export).
     */
    public record ImportRecord(String file, String format, int records, int kept, int skipped, Instant at,
            String source, String newestRecord) {
        public ImportRecord(String file, String format, int records, int kept, int skipped, Instant at) {
            this(file, format, records, kept, skipped, at, null, null);
        }
    }

    private VulnDb(Path storeDir, SignatureSet signatures) {
        this.storeDir = storeDir;
        this.signatures = signatures;
        this.starter = StarterSet.load(signatures);
        for (String s : SOURCES) {
            bySource.put(s, new LinkedHashMap<>());
        }
    }

    /** The bundled starter set only; nothing is read from or written to disk. */
    public static VulnDb bundled() {
        return new VulnDb(null, SignatureSet.bundled());
    }

    /** The starter set plus the store in {@code storeDir} (which need not exist yet). */
    public static VulnDb open(Path storeDir) throws IOException {
        VulnDb db = new VulnDb(storeDir, SignatureSet.bundled());
        db.load();
        return db;
    }

    /** {@code $IOTB_VULNDB} if set, else {@code ~/.cache/iotb/vulndb}. */
    public static Path defaultStore() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "iotb", "vulndb");
    }

    public Optional<Path> storeDir() {
        return Optional.ofNullable(storeDir);
    }

    private void load() throws IOException {
        ObjectMapper m = Json.mapper();
        for (String s : SOURCES) {
            Path f = storeDir.resolve(s + ".json");
            if (Files.isRegularFile(f)) {
                List<Vulnerability> list = m.readValue(f.toFile(), new TypeReference<List<Vulnerability>>() { });
                for (Vulnerability v : list) {
                    bySource.get(s).put(v.id(), v);
                }
            }
        }
        Path distro = storeDir.resolve(DISTRO_FILE);
        if (Files.isRegularFile(distro)) {
            for (DistroAdvisory a : m.readValue(distro.toFile(), new TypeReference<List<DistroAdvisory>>() { })) {
                advisories.put(a.key(), a);
            }
        }
        exploits.load(storeDir);
        Path log = storeDir.resolve("imports.json");
        if (Files.isRegularFile(log)) {
            imports.addAll(m.readValue(log.toFile(), new TypeReference<List<ImportRecord>>() { }));
        }
    }

    /**
     * Imports one OSV or NVD file (JSON, gzip or zip) into the store and saves it. Records about components iotb
     * does not identify are counted but not kept.
     */
    public ImportRecord importFile(Path file) throws IOException {
        return importFiles(List.of(file), null, file.toAbsolutePath().toString(), Instant.now());
    }

    /**
     * Imports several files as one import (the pages of one NVD download), logged once with its {@code source},
     * {@code label} (the URL or file) and {@code at} (for a download: when it started, the next incremental update's
     * starting point).
     */
    public ImportRecord importFiles(List<Path> files, String source, String label, Instant at) throws IOException {
        if (storeDir == null) {
            throw new IllegalStateException("the bundled database has no store to import into");
        }
        List<Vulnerability> kept = new ArrayList<>();
        List<DistroAdvisory> keptAdvisories = new ArrayList<>();
        List<Vulnerability> noLongerRelevant = new ArrayList<>(); // only records the store holds: a few at most
        int[] dropped = {0};
        String format = null;
        int records = 0;
        int skipped = 0;
        String newest = null;
        for (Path file : files) {
            org.iotb.model.io.InputFiles.requireFile(file, "vulnerability file"); // a FIFO or device would never end
            FeedReader.Counts c = new FeedReader().read(file, v -> {
                Vulnerability relevant = relevantPart(v);
                if (relevant == null) {
                    dropped[0]++;
                    if (bySource.getOrDefault(v.source(), Map.of()).containsKey(v.id())) {
                        noLongerRelevant.add(v); // an updated record that no longer names a component we know
                    }
                } else {
                    kept.add(relevant);
                }
            }, a -> {
                if (signatures.byPackageName(a.sourcePackage()).isPresent()) {
                    keptAdvisories.add(a);
                } else {
                    dropped[0]++; // a package iotb cannot identify
                }
            });
            if (format == null) {
                format = c.format();
            } else if (c.records() > 0 && !format.equals(c.format())) {
                format = "mixed";
            }
            records += c.records();
            skipped += c.skipped();
            newest = FeedDates.later(newest, c.newest());
        }
        FeedReader.Counts counts = new FeedReader.Counts(format == null ? "unknown" : format, records, skipped,
                newest);
        for (DistroAdvisory a : keptAdvisories) {
            advisories.put(a.key(), a);
        }
        for (Vulnerability v : noLongerRelevant) { // before the kept ones: a later copy in the same import wins
            bySource.getOrDefault(v.source(), new LinkedHashMap<>()).remove(v.id());
        }
        for (Vulnerability v : kept) {
            bySource.computeIfAbsent(v.source(), k -> new LinkedHashMap<>()).put(v.id(), v);
        }
        ImportRecord rec = new ImportRecord(label, counts.format(), counts.records(),
                kept.size() + keptAdvisories.size(), counts.skipped() + dropped[0], at, source, counts.newest());
        imports.add(rec);
        save();
        index = null;
        advisoryIndex = null;
        return rec;
    }

    /** The record restricted to affected entries about components we know, or null if none is left. */
    private Vulnerability relevantPart(Vulnerability v) {
        List<Affected> keep = new ArrayList<>();
        for (Affected a : v.affected()) {
            if ((a.cpe() != null && knownCpe(a.cpe())) || (a.packageName() != null
                    && signatures.byPackageName(a.packageName()).isPresent())) {
                keep.add(a);
            }
        }
        if (keep.isEmpty()) {
            return null;
        }
        return new Vulnerability(v.id(), v.aliases(), v.summary(), v.severity(), v.cvssScore(), v.cvssVector(), keep,
                v.source(), v.references());
    }

    private boolean knownCpe(String vendorProduct) {
        for (Signature s : signatures.signatures()) {
            if (s.cpeVendorProducts().contains(vendorProduct)) {
                return true;
            }
        }
        return false;
    }

    private void save() throws IOException {
        Files.createDirectories(storeDir);
        // the store may be reached through a link the user made ($IOTB_VULNDB); the files in it never are
        Path dir = storeDir.toRealPath();
        ObjectMapper m = Json.mapper();
        for (Map.Entry<String, Map<String, Vulnerability>> e : bySource.entrySet()) {
            writeAtomically(dir.resolve(e.getKey() + ".json"), m.writeValueAsBytes(e.getValue().values()));
        }
        if (!advisories.isEmpty()) {
            writeAtomically(dir.resolve(DISTRO_FILE), m.writeValueAsBytes(advisories.values()));
        }
        exploits.save(dir);
        writeAtomically(dir.resolve("imports.json"), m.writeValueAsBytes(imports));
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        org.iotb.model.io.SafeOutput.write(target, bytes); // a new temporary file, then an atomic rename
    }

    /** Counts per source and the import log, for {@code iotb vulndb status}. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("store", storeDir == null ? null : storeDir.toAbsolutePath().toString());
        s.put("starter", starter.size());
        for (String src : bySource.keySet()) {
            s.put(src, bySource.get(src).size());
        }
        if (!advisories.isEmpty()) {
            s.put("distro", advisories.size());
        }
        if (exploits.kevCount() > 0) {
            s.put("kev", exploits.kevCount());
        }
        if (exploits.epssCount() > 0) {
            s.put("epss", exploits.epssCount());
        }
        s.put("imports", List.copyOf(imports));
        return s;
    }

    public List<Vulnerability> starterSet() {
        return starter;
    }

    /** The vulnerabilities affecting this component's version, one per CVE, most severe first. */
    public List<Vulnerability> match(Component c) {
        if (c == null || !c.hasVersion()) {
            return List.of();
        }
        Set<String> keys = keysOf(c);
        Map<String, List<Vulnerability>> idx = index();
        Map<String, Vulnerability> byCve = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            for (Vulnerability v : idx.getOrDefault(key, List.of())) {
                if (!seen.add(v.source() + "\u0000" + v.id())) {
                    continue;
                }
                boolean hit = v.affected().stream().anyMatch(a -> keys.contains(keyOf(a)) && a.covers(c.version()));
                if (hit) {
                    byCve.merge(v.cveId(), v, (a, b) -> rank(a) <= rank(b) ? a : b);
                }
            }
        }
        List<Vulnerability> out = new ArrayList<>(byCve.values());
        out.sort(Comparator.comparing((Vulnerability v) -> v.severity() == null ? -1 : v.severity().ordinal())
                .reversed().thenComparing(Vulnerability::cveId));
        return out;
    }

    /**
     * Every known vulnerability judged against this component. A vendor build: its upstream matches
     * ({@link VulnMatch.Basis#UPSTREAM_RANGE}). A distribution build ({@link Component#isDistroBuild()}): each upstream
     * match is decided by the distribution's advisory for the installed revision (affected, fixed) or, lacking one,
     * left undecided ({@link VulnMatch.Basis#BACKPORT_UNKNOWN}); advisories whose fix is newer than the installed
     * revision are claimed even when no upstream record names them.
     */
    public List<VulnMatch> assess(Component c) {
        List<Vulnerability> upstream = match(c);
        if (c == null || !c.isDistroBuild()) {
            return upstream.stream().map(v -> new VulnMatch(v, VulnMatch.Basis.UPSTREAM_RANGE, null)).toList();
        }
        Map<String, DistroAdvisory> byCve = advisoriesFor(c);
        List<VulnMatch> out = new ArrayList<>();
        for (Vulnerability v : upstream) {
            DistroAdvisory a = byCve.remove(v.cveId());
            out.add(new VulnMatch(v, a == null ? VulnMatch.Basis.BACKPORT_UNKNOWN : judge(a, c.packageVersion()), a));
        }
        for (DistroAdvisory a : byCve.values()) {
            if (a.status() == DistroAdvisory.Status.FIXED && judge(a, c.packageVersion())
                    == VulnMatch.Basis.DISTRO_AFFECTED) {
                out.add(new VulnMatch(new Vulnerability(a.cve(), List.of(), a.summary(), urgency(a.urgency()), null,
                        null, List.of(), a.source(), List.of(trackerUrl(a))), VulnMatch.Basis.DISTRO_AFFECTED, a));
            }
        }
        return out;
    }

    /** The installed revision against the distribution's fix. */
    private static VulnMatch.Basis judge(DistroAdvisory a, String installed) {
        return switch (a.status()) {
            case NOT_AFFECTED -> VulnMatch.Basis.DISTRO_FIXED;
            case OPEN -> VulnMatch.Basis.DISTRO_AFFECTED;
            case FIXED -> installed == null || installed.isBlank() ? VulnMatch.Basis.BACKPORT_UNKNOWN
                    : DebianVersion.compare(installed, a.fixedVersion()) >= 0 ? VulnMatch.Basis.DISTRO_FIXED
                    : VulnMatch.Basis.DISTRO_AFFECTED;
        };
    }

    private static String trackerUrl(DistroAdvisory a) {
        return a.distro().startsWith("debian") ? "https://security-tracker.debian.org/tracker/" + a.cve()
                : "https://osv.dev/vulnerability/" + a.id();
    }

    /** Debian tracker urgency words; "unimportant" and "not yet assigned" say nothing about severity. */
    private static org.iotb.model.Severity urgency(String u) {
        if (u == null) {
            return null;
        }
        return switch (u.replace("*", "").trim()) {
            case "high" -> org.iotb.model.Severity.HIGH;
            case "medium" -> org.iotb.model.Severity.MEDIUM;
            case "low" -> org.iotb.model.Severity.LOW;
            default -> null;
        };
    }

    /** This distribution's advisories for the component's source package (or its catalogue names), by CVE. */
    private Map<String, DistroAdvisory> advisoriesFor(Component c) {
        if (advisoryIndex == null) {
            Map<String, Map<String, DistroAdvisory>> idx = new HashMap<>();
            for (DistroAdvisory a : advisories.values()) {
                idx.computeIfAbsent(a.distro() + "\u0000" + a.sourcePackage(), k -> new LinkedHashMap<>())
                        .put(a.cve(), a);
            }
            advisoryIndex = idx;
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        if (c.distroPackage() != null) {
            names.add(c.distroPackage().toLowerCase(Locale.ROOT));
        }
        signatures.byId(c.id()).ifPresent(s -> {
            names.add(s.id());
            s.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        });
        Map<String, DistroAdvisory> out = new LinkedHashMap<>();
        for (String n : names) {
            advisoryIndex.getOrDefault(c.distro() + "\u0000" + n, Map.of()).forEach(out::putIfAbsent);
        }
        return out;
    }

    private static int rank(Vulnerability v) {
        return switch (v.source()) {
            case "nvd" -> 0;
            case "osv" -> 1;
            default -> 2;
        };
    }

    private Set<String> keysOf(Component c) {
        Set<String> keys = new HashSet<>();
        Optional<Signature> sig = signatures.byId(c.id());
        if (sig.isPresent()) {
            for (String vp : sig.get().cpeVendorProducts()) {
                keys.add("cpe:" + vp);
            }
            keys.add("pkg:" + sig.get().id());
            for (String a : sig.get().aliases()) {
                keys.add("pkg:" + a.toLowerCase(Locale.ROOT));
            }
        } else {
            if (c.cpeVendorProduct() != null) {
                keys.add("cpe:" + c.cpeVendorProduct());
            }
            keys.add("pkg:" + c.name().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    private static String keyOf(Affected a) {
        return a.cpe() != null ? "cpe:" + a.cpe().toLowerCase(Locale.ROOT)
                : "pkg:" + a.packageName().toLowerCase(Locale.ROOT);
    }

    private Map<String, List<Vulnerability>> index() {
        if (index == null) {
            Map<String, List<Vulnerability>> idx = new HashMap<>();
            Set<String> importedCves = new HashSet<>();
            for (Map<String, Vulnerability> m : bySource.values()) {
                for (Vulnerability v : m.values()) {
                    importedCves.add(v.cveId());
                    addToIndex(idx, v);
                }
            }
            for (Vulnerability v : starter) {
                if (!importedCves.contains(v.cveId())) {
                    addToIndex(idx, v);
                }
            }
            index = idx;
        }
        return index;
    }

    private static void addToIndex(Map<String, List<Vulnerability>> idx, Vulnerability v) {
        Set<String> keys = new HashSet<>();
        for (Affected a : v.affected()) {
            keys.add(keyOf(a));
        }
        for (String k : keys) {
            idx.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
    }

    // ---- feeds: KEV/EPSS, update bookkeeping, the files of the store (iotb vulndb update/bundle) ----

    /** The CISA KEV entry of this CVE, when the KEV catalog was imported and lists it. */
    public Optional<KnownExploited> knownExploited(String cve) {
        return exploits.knownExploited(cve);
    }

    /** The EPSS score of this CVE, when EPSS scores were imported and score it. */
    public Optional<EpssScore> epss(String cve) {
        return exploits.epss(cve);
    }

    /** The matches with their KEV and EPSS data, known-exploited first, then by EPSS score, otherwise in order. */
    public List<VulnMatch> withExploitData(List<VulnMatch> matches) {
        List<VulnMatch> out = new ArrayList<>();
        for (VulnMatch m : matches) {
            String cve = m.vulnerability().cveId();
            out.add(m.withExploitData(knownExploited(cve).orElse(null), epss(cve).orElse(null)));
        }
        out.sort(VulnMatch.EXPLOITED_FIRST); // stable: the order of equal matches is kept
        return out;
    }

    /** Imports CISA's KEV catalog JSON, replacing the catalog held before (it is always the whole list). */
    public ImportRecord importKev(Path file, String source, String label, Instant at) throws IOException {
        requireStore();
        org.iotb.model.io.InputFiles.requireFile(file, "KEV catalog");
        ExploitData.Kev kev = ExploitData.readKev(file);
        exploits.setKev(kev);
        ImportRecord rec = new ImportRecord(label, "cisa-kev", kev.entries().size(), kev.entries().size(), 0, at,
                source, ExploitData.newest(kev));
        imports.add(rec);
        save();
        return rec;
    }

    /**
     * Imports FIRST's EPSS CSV (gzip allowed), keeping the scores of the CVEs the store and starter set know (import
     * EPSS after the vulnerability records; {@code iotb vulndb update} does).
     */
    public ImportRecord importEpss(Path file, String source, String label, Instant at) throws IOException {
        requireStore();
        org.iotb.model.io.InputFiles.requireFile(file, "EPSS file");
        Set<String> known = knownCves();
        Map.Entry<ExploitData.Epss, Integer> read = ExploitData.readEpss(file, known::contains);
        exploits.setEpss(read.getKey());
        ImportRecord rec = new ImportRecord(label, "epss-csv", read.getValue(), read.getKey().scores().size(),
                read.getValue() - read.getKey().scores().size(), at, source, read.getKey().scoreDate());
        imports.add(rec);
        save();
        return rec;
    }

    /** When the last {@code iotb vulndb update} of this source started (its next incremental start). */
    public Optional<Instant> lastUpdate(String source) {
        return imports.stream().filter(r -> source.equals(r.source()) && r.at() != null).map(ImportRecord::at)
                .max(Comparator.naturalOrder());
    }

    /** The import log, oldest first. */
    public List<ImportRecord> imports() {
        return List.copyOf(imports);
    }

    /** The names of the store's data files that exist (what a bundle carries), sorted. */
    public List<String> storeFiles() {
        if (storeDir == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String f : STORE_FILES) {
            if (Files.isRegularFile(storeDir.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every file the store can hold; nothing else in the directory belongs to it. */
    public static final List<String> STORE_FILES = List.of("distro.json", ExploitData.EPSS_FILE, "imports.json",
            ExploitData.KEV_FILE, "nvd.json", "osv.json");

    /** Records per store file, for a bundle manifest: vulnerabilities, advisories, KEV entries, EPSS scores. */
    public Map<String, Integer> recordCounts() {
        Map<String, Integer> m = vulnerabilityCounts();
        m.put("kev", exploits.kevCount());
        m.put("epss", exploits.epssCount());
        return m;
    }

    private Set<String> knownCves() {
        Set<String> out = new HashSet<>();
        bySource.values().forEach(m -> m.values().forEach(v -> out.add(v.cveId())));
        starter.forEach(v -> out.add(v.cveId()));
        advisories.values().forEach(a -> out.add(a.cve()));
        return out;
    }

    private void requireStore() {
        if (storeDir == null) {
            throw new IllegalStateException("the bundled database has no store to import into");
        }
    }

    // ---- stated data (issue #13): what the judgements rest on ----

    /**
     * The data this database judges with: the starter set and every imported source, with record counts, the
     * newest record's date and the last import (see {@link VulnDataSnapshot}). Distribution advisories count as
     * source {@code distro}.
     */
    public VulnDataSnapshot snapshot() {
        return SnapshotReader.build(storeDir, starter.size(), vulnerabilityCounts());
    }

    /** Imported vulnerability records per source, distribution advisories as {@code distro}: a fresh map. */
    private Map<String, Integer> vulnerabilityCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        bySource.forEach((name, records) -> counts.put(name, records.size()));
        counts.put("distro", advisories.size());
        return counts;
    }
}
