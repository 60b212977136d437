package org.iotb.sbom.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iotb.model.Severity;
import org.iotb.sbom.Component;
import org.iotb.sbom.ComponentSource;
import org.iotb.sbom.Confidence;
import org.iotb.sbom.scan.Signature;
import org.iotb.sbom.scan.SignatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbTest {
    static Component component(String id, String version) {
        Signature s = SignatureSet.bundled().byId(id).orElseThrow();
        return new Component(id, s.name(), version, null, s.purlFor(version), s.cpeFor(version), Confidence.HIGH,
                ComponentSource.SIGNATURE, List.of());
    }

    static List<String> ids(List<Vulnerability> vs) {
        return vs.stream().map(Vulnerability::cveId).toList();
    }

    static Path resource(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = VulnDbTest.class.getResourceAsStream("/org/iotb/sbom/feeds/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void starterSetFindsHeartbleedOnlyInTheAffectedRange() {
        VulnDb db = VulnDb.bundled();
        assertThat(ids(db.match(component("openssl", "1.0.1f")))).contains("CVE-2014-0160");
        assertThat(ids(db.match(component("openssl", "1.0.1")))).contains("CVE-2014-0160");
        assertThat(ids(db.match(component("openssl", "1.0.1g")))).doesNotContain("CVE-2014-0160");
        assertThat(ids(db.match(component("openssl", "1.0.0t")))).doesNotContain("CVE-2014-0160");
        assertThat(ids(db.match(component("openssl", "1.0.2u"))))
                .contains("CVE-2022-0778", "CVE-2023-0286").doesNotContain("CVE-2014-0160", "CVE-2016-2107");
        assertThat(db.match(component("openssl", "3.0.20"))).isEmpty();
    }

    @Test
    void starterSetOnDebianBookwormVersions() {
        VulnDb db = VulnDb.bundled();
        assertThat(ids(db.match(component("openssh", "9.2p1"))))
                .contains("CVE-2024-6387", "CVE-2023-38408", "CVE-2023-48795").doesNotContain("CVE-2018-15473");
        assertThat(ids(db.match(component("openssh", "9.8p1")))).doesNotContain("CVE-2024-6387");
        assertThat(ids(db.match(component("openssh", "8.4p1")))).doesNotContain("CVE-2024-6387");
        assertThat(ids(db.match(component("busybox", "1.35.0"))))
                .contains("CVE-2022-28391").doesNotContain("CVE-2022-48174", "CVE-2021-42386");
        assertThat(ids(db.match(component("dropbear", "2022.83")))).containsExactly("CVE-2023-48795");
        assertThat(ids(db.match(component("dnsmasq", "2.90")))).isEmpty();
        assertThat(ids(db.match(component("dnsmasq", "2.80"))))
                .contains("CVE-2020-25681", "CVE-2023-28450").doesNotContain("CVE-2017-14491");
        assertThat(ids(db.match(component("linux-kernel", "4.4.25")))).contains("CVE-2016-5195");
        assertThat(ids(db.match(component("linux-kernel", "4.4.26")))).doesNotContain("CVE-2016-5195");
        assertThat(ids(db.match(component("linux-kernel", "5.10.110")))).doesNotContain("CVE-2022-0847");
        assertThat(ids(db.match(component("linux-kernel", "5.10.101")))).contains("CVE-2022-0847");
        assertThat(ids(db.match(component("uclibc", "0.9.33.2")))).contains("CVE-2022-30295");
    }

    @Test
    void resultsAreMostSevereFirstAndCarrySeverity() {
        List<Vulnerability> vs = VulnDb.bundled().match(component("openssh", "9.2p1"));
        assertThat(vs).allSatisfy(v -> assertThat(v.severity()).isNotNull());
        for (int i = 1; i < vs.size(); i++) {
            assertThat(vs.get(i - 1).severity().ordinal()).isGreaterThanOrEqualTo(vs.get(i).severity().ordinal());
        }
    }

    @Test
    void unknownVersionMatchesNothing() {
        assertThat(VulnDb.bundled().match(component("openssl", null))).isEmpty();
    }

    @Test
    void starterEntriesAreBoundedAndCited() {
        for (Vulnerability v : VulnDb.bundled().starterSet()) {
            assertThat(v.id()).matches("CVE-\\d{4}-\\d{4,}");
            assertThat(v.affected()).isNotEmpty().allSatisfy(a -> assertThat(a.isBounded()).isTrue());
            assertThat(v.references()).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith("http"));
            assertThat(v.severity()).isNotNull();
            if (v.cvssScore() != null) {
                assertThat(Cvss3.level(v.cvssScore())).as(v.id()).isEqualTo(v.severity());
            }
        }
    }

    @Test
    void importsNvdAndReplacesTheStarterRecord(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        VulnDb.ImportRecord r = db.importFile(resource(tmp, "nvd-2.0-sample.json"));
        assertThat(r.format()).isEqualTo("nvd");
        assertThat(r.records()).isEqualTo(2);
        assertThat(r.kept()).isEqualTo(2);

        List<Vulnerability> vs = db.match(component("openssl", "1.0.1f"));
        Vulnerability hb = vs.stream().filter(v -> v.cveId().equals("CVE-2014-0160")).findFirst().orElseThrow();
        assertThat(hb.source()).isEqualTo("nvd");
        assertThat(hb.cvssScore()).isEqualTo(7.5);
        assertThat(hb.severity()).isEqualTo(Severity.HIGH);
        // NVD lists 1.0.1 .. 1.0.1f exactly; the starter range no longer decides for this CVE
        assertThat(ids(db.match(component("openssl", "1.0.1g")))).doesNotContain("CVE-2014-0160");
        assertThat(ids(db.match(component("openssl", "1.0.1-beta1")))).contains("CVE-2014-0160");
        // the filezilla half of an AND configuration is about another product and is not kept
        assertThat(db.status().get("nvd")).isEqualTo(2);

        assertThat(ids(db.match(component("openssh", "9.7p1")))).contains("CVE-2024-6387");
        assertThat(ids(db.match(component("openssh", "8.5p1")))).contains("CVE-2024-6387");
        assertThat(ids(db.match(component("openssh", "8.4p1")))).doesNotContain("CVE-2024-6387");
        assertThat(ids(db.match(component("openssh", "9.8p1")))).doesNotContain("CVE-2024-6387");
        assertThat(ids(db.match(component("openssh", "4.3p2")))).contains("CVE-2024-6387");

        // persisted: a fresh instance over the same store answers the same
        VulnDb again = VulnDb.open(tmp.resolve("store"));
        assertThat(again.match(component("openssl", "1.0.1f"))).anySatisfy(v -> assertThat(v.source()).isEqualTo("nvd"));
        assertThat(again.status().get("imports")).asList().hasSize(1);
    }

    @Test
    void importsGzipCompressedNvd(@TempDir Path tmp) throws IOException {
        Path json = resource(tmp, "nvd-2.0-sample.json");
        Path gz = tmp.resolve("nvdcve-2.0-sample.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(json, out);
        }
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        assertThat(db.importFile(gz).kept()).isEqualTo(2);
        assertThat(ids(db.match(component("openssh", "9.2p1")))).contains("CVE-2024-6387");
    }

    @Test
    void importsOsvRecordsFromUpstreamProjects(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        VulnDb.ImportRecord r = db.importFile(resource(tmp, "osv-curl-cve-2023-38545.json"));
        assertThat(r.format()).isEqualTo("osv");
        assertThat(r.kept()).isEqualTo(1);
        List<Vulnerability> vs = db.match(component("curl", "7.88.1"));
        assertThat(vs).filteredOn(v -> v.cveId().equals("CVE-2023-38545")).singleElement()
                .satisfies(v -> {
                    assertThat(v.source()).isEqualTo("osv");
                    assertThat(v.id()).isEqualTo("CURL-CVE-2023-38545");
                    assertThat(v.severity()).isEqualTo(Severity.HIGH);
                });
        assertThat(ids(db.match(component("curl", "8.4.0")))).doesNotContain("CVE-2023-38545");
        assertThat(ids(db.match(component("curl", "7.68.0")))).doesNotContain("CVE-2023-38545");
    }

    @Test
    void osvArrayInAZipWithCvssVector(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("osv.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("osv-dnsmasq-semver.json", "osv-curl-cve-2023-38545.json")) {
                z.putNextEntry(new ZipEntry(name));
                try (InputStream in = VulnDbTest.class.getResourceAsStream("/org/iotb/sbom/feeds/" + name)) {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        }
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        VulnDb.ImportRecord r = db.importFile(zip);
        assertThat(r.kept()).isEqualTo(2);
        Vulnerability v = db.match(component("dnsmasq", "2.77")).stream()
                .filter(x -> x.cveId().equals("CVE-2017-14491")).findFirst().orElseThrow();
        assertThat(v.source()).isEqualTo("osv");
        assertThat(v.cvssScore()).isEqualTo(9.8);
        assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ids(db.match(component("dnsmasq", "2.78")))).doesNotContain("CVE-2017-14491");
    }

    @Test
    void distributionRecordsAreNotAppliedToVendorBuilds(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        VulnDb.ImportRecord r = db.importFile(resource(tmp, "osv-debian-dsa.json"));
        // kept as Debian 12's advisory for its own openssh package, not as an upstream range
        assertThat(r.kept()).isEqualTo(1);
        assertThat(db.status().get("distro")).isEqualTo(1);
        assertThat(db.status().get("osv")).isEqualTo(0);
        assertThat(db.assess(component("openssh", "9.2p1"))).extracting(VulnMatch::basis)
                .containsOnly(VulnMatch.Basis.UPSTREAM_RANGE);
    }

    @Test
    void garbageIsRejectedWithoutCorruptingTheStore(@TempDir Path tmp) throws IOException {
        VulnDb db = VulnDb.open(tmp.resolve("store"));
        db.importFile(resource(tmp, "nvd-2.0-sample.json"));
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"vulnerabilities\": [ {\"cve\": {\"id\": \"CVE-1\"  ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.importFile(bad)).isInstanceOf(IOException.class);
        assertThat(VulnDb.open(tmp.resolve("store")).status().get("nvd")).isEqualTo(2);
    }

    @Test
    void aCveNvdLaterRejectsLeavesTheStoreOnTheNextImport(@TempDir Path dir) throws IOException {
        String affected = """
                {"vulnerabilities": [{"cve": {"id": "CVE-2099-0001", "vulnStatus": "Analyzed",
                  "lastModified": "2026-11-01T00:00:00.000",
                  "descriptions": [{"lang": "en", "value": "a test record"}],
                  "configurations": [{"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [{"vulnerable": true,
                    "criteria": "cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:*:*:*:*:*:*:*:*",
                    "versionEndExcluding": "2099.1"}]}]}]}}]}
                """;
        String rejected = """
                {"vulnerabilities": [{"cve": {"id": "CVE-2099-0001", "vulnStatus": "Rejected",
                  "lastModified": "2026-11-20T00:00:00.000",
                  "descriptions": [{"lang": "en", "value": "Rejected reason: a duplicate"}]}}]}
                """;
        Path store = dir.resolve("store");
        VulnDb db = VulnDb.open(store);
        Files.writeString(dir.resolve("a.json"), affected);
        assertThat(db.importFile(dir.resolve("a.json")).kept()).isEqualTo(1);
        assertThat(ids(db.match(component("dropbear", "2022.83")))).contains("CVE-2099-0001");
        Files.writeString(dir.resolve("b.json"), rejected);
        db.importFile(dir.resolve("b.json"));
        assertThat(ids(db.match(component("dropbear", "2022.83")))).doesNotContain("CVE-2099-0001");
        assertThat(ids(VulnDb.open(store).match(component("dropbear", "2022.83")))).doesNotContain("CVE-2099-0001");
    }
}
