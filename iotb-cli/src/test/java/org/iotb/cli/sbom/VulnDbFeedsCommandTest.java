package org.iotb.cli.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iotb.sbom.vuln.VulnDb;
import org.iotb.sbom.vuln.feed.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotb vulndb update → bundle → import --verify} from the command line, against the replayed feeds: what a lab
 * runs on a connected machine and then on the air-gapped one.
 */
class VulnDbFeedsCommandTest {
    static VulnDbCommandTest.Run run(String... args) {
        return VulnDbCommandTest.run(new VulnDbCommand(), args);
    }

    @Test
    void updateBundleAndVerifiedImportEndToEnd(@TempDir Path tmp) throws Exception {
        Path online = tmp.resolve("online");
        Path offline = tmp.resolve("offline/vulndb");
        Path bundle = tmp.resolve("vulndb.tar.gz");
        try (ReplayServer server = ReplayServer.start().replayAllFeeds()) {
            Map<String, java.net.URI> u = server.feedUrls();
            VulnDbCommandTest.Run up = run("update", "--db", online.toString(), "--osv-ecosystem", "Debian",
                    "--nvd-page-size", "3", "--base-url-nvd", u.get("nvd").toString(), "--base-url-osv",
                    u.get("osv").toString(), "--base-url-debian", u.get("debian").toString(), "--base-url-kev",
                    u.get("kev").toString(), "--base-url-epss", u.get("epss").toString());
            assertThat(up.code()).as(up.err()).isZero();
            assertThat(up.out()).contains("nvd: 5 records read, 5 kept, newest record 2024-11-21T08:36:16Z",
                    "kev: 3 records read", "epss: 7 records read", "debian: ", "osv: ");
            assertThat(up.err()).contains("nvd: full download", "nvd: page 2", "(no proxy)");

            // a second run is incremental, and a bad --source is refused before anything is fetched
            VulnDbCommandTest.Run again = run("update", "--db", online.toString(), "--source", "nvd",
                    "--nvd-page-size", "3", "--base-url-nvd", u.get("nvd").toString());
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.err()).contains("nvd: incremental, CVEs modified since");
            assertThat(run("update", "--db", online.toString(), "--source", "cve.org").code()).isEqualTo(2);
        }
        VulnDbCommandTest.Run b = run("bundle", "--db", online.toString(), "-o", bundle.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("nvd", "kev", "newest record 2023-11-21T00:00:00Z");

        // without --verify a bundle is not mistaken for a feed file
        VulnDbCommandTest.Run plain = run("import", "--db", offline.toString(), bundle.toString());
        assertThat(plain.code()).isEqualTo(1);
        assertThat(plain.err()).contains("import --verify");

        VulnDbCommandTest.Run imp = run("import", "--verify", "--db", offline.toString(), bundle.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("verified");
        VulnDbCommandTest.Run status = run("status", "--db", offline.toString());
        assertThat(status.out()).contains("nvd:     5 records", "kev:     3 known exploited CVEs (CISA KEV)",
                "newest record 2024-12-03T10:15:00Z");
        assertThat(VulnDb.open(offline).status()).isEqualTo(withStore(VulnDb.open(online).status(), offline));

        // one changed byte in one file: refused with exit 2, the file named, the store as it was
        Path tampered = tmp.resolve("tampered.tar.gz");
        tamper(bundle, tampered, "kev.json");
        Path third = tmp.resolve("third");
        VulnDbCommandTest.Run bad = run("import", "--verify", "--db", third.toString(), tampered.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("REFUSED: kev.json: sha256");
        assertThat(VulnDb.open(third).status()).containsEntry("nvd", 0).doesNotContainKey("kev");
    }

    private static Map<String, Object> withStore(Map<String, Object> status, Path store) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(status);
        m.put("store", store.toAbsolutePath().toString());
        return m;
    }

    /** The bundle with the last byte of {@code name} flipped and its manifest unchanged. */
    static void tamper(Path in, Path out, String name) throws Exception {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(in)));
                OutputStream os = Files.newOutputStream(out);
                TarArchiveOutputStream w = new TarArchiveOutputStream(new GZIPOutputStream(os))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                byte[] b = tar.readAllBytes();
                if (e.getName().equals(name)) {
                    b[b.length - 2] ^= 1;
                }
                TarArchiveEntry n = new TarArchiveEntry(e.getName());
                n.setSize(b.length);
                w.putArchiveEntry(n);
                w.write(b);
                w.closeArchiveEntry();
            }
        }
        assertThat(List.of(in, out)).allSatisfy(p -> assertThat(p).exists());
    }
}
