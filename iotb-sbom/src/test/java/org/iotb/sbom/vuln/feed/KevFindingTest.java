package org.iotb.sbom.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sbom.component-vulnerable names known-exploited CVEs first and says so, once the KEV catalog is imported. */
class KevFindingTest {
    static Path fixture(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name.replace('/', '-')), ReplayServer.resource(name));
    }

    static List<Finding> vulnerable(VulnDb db) {
        Sbom sbom = new Sbom(new Sbom.Subject("router.bin", "ab".repeat(32)), List.of(
                Components.vendor("openssl", "1.0.1f"), Components.vendor("glibc", "2.37"),
                Components.vendor("dropbear", "2016.73")), List.of(), Map.of());
        return new SbomChecks(db, OutdatedRules.bundled(), LocalDate.of(2026, 11, 1)).run(sbom).stream()
                .filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
    }

    static Finding about(List<Finding> fs, String prefix) {
        return fs.stream().filter(f -> f.message().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void knownExploitedCvesComeFirstAndAreNamed(@TempDir Path tmp) throws IOException {
        VulnDb plain = VulnDb.open(tmp.resolve("plain"));
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        db.importFiles(List.of(fixture(tmp, "replay/nvd-page-1.json"), fixture(tmp, "replay/nvd-page-2.json")),
                "nvd", "test", Instant.now());
        db.importKev(fixture(tmp, "replay/known_exploited_vulnerabilities.json"), "kev", "test", Instant.now());

        Finding ssl = about(vulnerable(db), "OpenSSL 1.0.1f");
        assertThat(ssl.message()).contains("is affected by").contains(": CVE-2014-0160 (high)")
                .endsWith("; known exploited (CISA KEV): CVE-2014-0160 (added 2022-05-04)");
        assertThat(about(vulnerable(plain), "OpenSSL 1.0.1f").message()).doesNotContain("CISA KEV");

        // the ranking: a catalog written here (in KEV's format) that lists a medium CVE puts it before the highs
        Path catalog = Files.writeString(tmp.resolve("kev-test.json"), """
                {"catalogVersion": "test", "vulnerabilities": [
                 {"cveID": "CVE-2016-2107", "dateAdded": "2024-01-01", "vendorProject": "OpenSSL", "product": "OpenSSL"}]}
                """);
        db.importKev(catalog, "kev", "test", Instant.now());
        assertThat(about(vulnerable(db), "OpenSSL 1.0.1f").message())
                .contains("vulnerabilities: CVE-2016-2107 (medium), CVE-2014-0160 (high), CVE-2014-0224 (high)")
                .endsWith("; known exploited (CISA KEV): CVE-2016-2107 (added 2024-01-01)");
        assertThat(about(vulnerable(plain), "OpenSSL 1.0.1f").message())
                .contains("vulnerabilities: CVE-2014-0160 (high), CVE-2014-0224 (high)");
        db.importKev(fixture(tmp, "replay/known_exploited_vulnerabilities.json"), "kev", "test", Instant.now());

        Finding glibc = about(vulnerable(db), "GNU C Library 2.37");
        assertThat(glibc.message()).contains("known exploited (CISA KEV): CVE-2023-4911 (added 2023-11-21)");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data = (List<Map<String, Object>>) glibc.data().get("vulnerabilities");
        assertThat(data).filteredOn(v -> "CVE-2023-4911".equals(v.get("id"))).singleElement()
                .satisfies(v -> assertThat(v.get("knownExploited")).isEqualTo(Map.of("source", "CISA KEV",
                        "dateAdded", "2023-11-21", "ransomware", "Unknown")));
        assertThat(about(vulnerable(db), "Dropbear").message()).doesNotContain("CISA KEV");
    }
}
