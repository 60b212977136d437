package org.iotb.sbom.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iotb.model.Json;
import org.iotb.sbom.Component;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.VulnMatch;
import org.iotb.sbom.vuln.bundle.BundleManifest;
import org.iotb.sbom.vuln.bundle.VulnDbBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store filled from the replayed feeds, bundled, and loaded on "another machine" (a fresh store directory): same
 * matches; a bundle whose files differ from its manifest, or that tries to escape, is refused before anything loads.
 */
class BundleTest {
    @TempDir
    static Path shared;
    static Path bundle;
    static Path source;

    @BeforeAll
    static void fillAndBundle() throws IOException {
        source = shared.resolve("machine-a");
        try (ReplayServer server = ReplayServer.start().replayAllFeeds()) {
            Downloader d = new Downloader(Downloader.Settings.defaults().withBackoff(Duration.ofMillis(10),
                    Duration.ofMillis(10)), null, l -> { });
            List<FeedUpdater.Outcome> out = new FeedUpdater(VulnDb.open(source), d, l -> { }).update(
                    new FeedUpdater.Request(FeedUpdater.SOURCES, null, null, server.feedUrls(), List.of("Debian"), 3));
            assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.error()).isTrue());
        }
        bundle = shared.resolve("vulndb.tar.gz");
        VulnDbBundle.write(VulnDb.open(source), bundle);
    }

    @AfterAll
    static void nothing() {
        // the @TempDir is removed by JUnit
    }

    static final List<Component> PROBES = List.of(Components.vendor("glibc", "2.37"),
            Components.vendor("dropbear", "2016.73"), Components.vendor("dropbear", "2022.83"),
            Components.vendor("curl", "7.88.1"), Components.vendor("busybox", "1.33.1"),
            Components.debian("glibc", "2.36", "2.36-9+deb12u14"), Components.debian("glibc", "2.36", "2.36-9+deb12u2"),
            Components.debian("curl", "7.88.1", "7.88.1-10+deb12u3"));

    static List<String> matches(VulnDb db) {
        return PROBES.stream().flatMap(c -> db.withExploitData(db.assess(c)).stream().map(m -> c.name() + " "
                + c.version() + "/" + c.packageVersion() + ": " + m.vulnerability().cveId() + " " + m.basis() + " "
                + m.vulnerability().source() + (m.knownExploited() == null ? "" : " KEV")
                + (m.epss() == null ? "" : " epss=" + m.epss().score()))).toList();
    }

    @Test
    void theManifestNamesSourcesCountsDatesAndHashes() throws Exception {
        Map<String, byte[]> entries = read(bundle);
        assertThat(entries.keySet()).first().isEqualTo("manifest.json");
        assertThat(entries.keySet()).contains("nvd.json", "distro.json", "kev.json", "epss.json", "imports.json");
        BundleManifest m = Json.mapper().readValue(entries.get("manifest.json"), BundleManifest.class);
        assertThat(m.format()).isEqualTo("iotb-vulndb-bundle");
        assertThat(m.tool()).startsWith("iotb ");
        assertThat(m.records()).containsEntry("nvd", 5).containsEntry("kev", 3);
        assertThat(m.sources()).extracting(BundleManifest.Source::name)
                .containsExactlyInAnyOrder("nvd", "osv", "debian", "kev", "epss");
        assertThat(m.sources()).filteredOn(s -> s.name().equals("nvd")).singleElement()
                .satisfies(s -> assertThat(s.newestRecord()).isEqualTo("2024-11-21T08:36:16Z"));
        for (BundleManifest.FileEntry f : m.files()) {
            assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(entries.get(f.name()))))
                    .as(f.name());
        }
    }

    @Test
    void aBundleImportedIntoAFreshStoreGivesTheSameMatches(@TempDir Path tmp) throws IOException {
        Path fresh = tmp.resolve("machine-b/vulndb");
        VulnDbBundle.verifyAndInstall(bundle, fresh);
        List<String> before = matches(VulnDb.open(source));
        assertThat(before).anyMatch(s -> s.contains("CVE-2023-4911") && s.contains("KEV"))
                .anyMatch(s -> s.contains("DISTRO_FIXED")).anyMatch(s -> s.contains("epss="));
        assertThat(matches(VulnDb.open(fresh))).isEqualTo(before);
        assertThat(VulnDb.open(fresh).lastUpdate("nvd")).isEqualTo(VulnDb.open(source).lastUpdate("nvd"));
        try (var s = Files.list(fresh)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no scratch left").noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aTamperedFileIsNamedAndNothingIsLoaded(@TempDir Path tmp) throws IOException {
        Path bad = rewrite(tmp, (name, bytes) -> name.equals("nvd.json")
                ? new String(bytes, StandardCharsets.UTF_8).replace("2.39", "2.30").getBytes(StandardCharsets.UTF_8)
                : bytes);
        Path store = tmp.resolve("store");
        assertThatThrownBy(() -> VulnDbBundle.verifyAndInstall(bad, store))
                .isInstanceOf(VulnDbBundle.BundleException.class).hasMessageStartingWith("nvd.json: sha256");
        try (var s = Files.list(store)) {
            assertThat(s.toList()).as("the store is untouched").isEmpty();
        }
    }

    @Test
    void anExtraFileOrAMissingOneIsRefused(@TempDir Path tmp) throws IOException {
        Path missing = rewrite(tmp, (name, bytes) -> name.equals("kev.json") ? null : bytes);
        assertThatThrownBy(() -> VulnDbBundle.verifyAndInstall(missing, tmp.resolve("s1")))
                .hasMessageStartingWith("kev.json: listed in the manifest but missing");
        Path unlisted = tmp.resolve("unlisted.tar.gz");
        Map<String, byte[]> e = read(bundle);
        BundleManifest m = Json.mapper().readValue(e.get("manifest.json"), BundleManifest.class);
        BundleManifest less = new BundleManifest(m.format(), m.formatVersion(), m.created(), m.tool(), m.sources(),
                m.records(), m.files().stream().filter(f -> !f.name().equals("epss.json")).toList());
        e.put("manifest.json", Json.mapper().writeValueAsBytes(less));
        write(unlisted, e, Map.of());
        assertThatThrownBy(() -> VulnDbBundle.verifyAndInstall(unlisted, tmp.resolve("s2")))
                .hasMessageStartingWith("epss.json: in the archive but not listed");
    }

    @Test
    void hostileArchivesAreRefused(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> e = read(bundle);
        // a path out of the store
        Map<String, byte[]> traversal = new LinkedHashMap<>(e);
        traversal.put("../../evil.json", "{}".getBytes(StandardCharsets.UTF_8));
        Path t = tmp.resolve("traversal.tar.gz");
        write(t, traversal, Map.of());
        assertThatThrownBy(() -> VulnDbBundle.verifyAndInstall(t, tmp.resolve("s1/store")))
                .hasMessageStartingWith("../../evil.json: not a file a vulnerability store holds");
        assertThat(tmp.resolve("evil.json")).doesNotExist();
        // a link where a store file should be
        Path l = tmp.resolve("link.tar.gz");
        write(l, Map.of("manifest.json", e.get("manifest.json")), Map.of("nvd.json", "/etc/passwd"));
        assertThatThrownBy(() -> VulnDbBundle.verifyAndInstall(l, tmp.resolve("s2")))
                .hasMessageStartingWith("nvd.json: not a regular file");
        // a gzip bomb posing as the manifest: stopped at the size limit
        Path bomb = tmp.resolve("bomb.tar.gz");
        write(bomb, Map.of("manifest.json", new byte[(1 << 20) + 10]), Map.of());
        assertThatThrownBy(() -> VulnDbBundle.verifyAndInstall(bomb, tmp.resolve("s3")))
                .hasMessageContaining("larger than the limit");
    }

    // ---- archive helpers ----

    static Map<String, byte[]> read(Path tarGz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarGz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.put(e.getName(), tar.readAllBytes());
            }
        }
        return out;
    }

    static void write(Path tarGz, Map<String, byte[]> files, Map<String, String> links) throws IOException {
        try (OutputStream os = Files.newOutputStream(tarGz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(os))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> l : links.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(l.getKey(), TarArchiveEntry.LF_SYMLINK, true);
                e.setLinkName(l.getValue());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
        }
    }

    /** The bundle with each file passed through {@code change} (null drops it); the manifest kept as it was. */
    static Path rewrite(Path dir, BiFunction<String, byte[], byte[]> change) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        read(bundle).forEach((n, b) -> {
            byte[] c = n.equals("manifest.json") ? b : change.apply(n, b);
            if (c != null) {
                out.put(n, c);
            }
        });
        Path p = dir.resolve("rewritten.tar.gz");
        write(p, out, Map.of());
        return p;
    }

    @SuppressWarnings("unused")
    private static byte[] gunzip(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new GZIPInputStream(in).transferTo(b);
        return b.toByteArray();
    }
}
