package org.iotb.sbom.vuln.vex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.SbomOptions;
import org.iotb.sbom.TestTrees;
import org.iotb.sbom.outdated.OutdatedRules;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's triage on a router tree whose Dropbear 2017.75 the starter set matches (CVE-2017-9078, CVE-2017-9079,
 * CVE-2023-48795 …): statements in both VEX formats, as their specifications write them.
 */
class TriageTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    private static Sbom router(Path dir) throws IOException {
        return new SbomBuilder().build(TestTrees.oldRouter(dir), SbomOptions.of("router.bin", "ab".repeat(32)));
    }

    private static List<Finding> vulnerable(Sbom sbom, Triage t) {
        return new SbomChecks(VulnDb.bundled(), OutdatedRules.bundled(), DAY).withTriage(t).run(sbom).stream()
                .filter(f -> f.check().equals(SbomChecks.VULNERABLE)).toList();
    }

    private static List<String> dropbearCves(Sbom sbom) {
        return VulnDb.bundled().match(sbom.components().stream().filter(c -> c.id().equals("dropbear")).findFirst()
                .orElseThrow()).stream().map(v -> v.cveId()).toList();
    }

    static Path openVex(Path dir, String statements) throws IOException {
        Path f = dir.resolve("lab.openvex.json");
        Files.writeString(f, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.invalid/vex/1",
                 "author": "Example Test Lab", "timestamp": "2026-11-01T10:00:00Z", "version": 1,
                 "statements": [%s]}""".formatted(statements));
        return f;
    }

    private static String statement(String cve, String product, String status, String justification) {
        return """
                {"vulnerability": {"name": "%s"}, "products": [{"@id": "%s"}], "status": "%s"%s}"""
                .formatted(cve, product, status, justification == null ? ""
                        : ", \"justification\": \"" + justification + "\", \"impact_statement\": \"not built\"");
    }

    @Test
    void notAffectedWithAJustificationLeavesTheVerdictsButStaysInTheData(@TempDir Path dir) throws IOException {
        Sbom sbom = router(dir);
        List<String> cves = dropbearCves(sbom);
        assertThat(cves).isNotEmpty();
        String all = String.join(",", cves.stream().map(c -> statement(c, "pkg:generic/dropbear@2017.75",
                "not_affected", "vulnerable_code_not_present")).toList());
        Triage t = Triage.read(List.of(openVex(dir, all)));
        assertThat(t.warnings()).isEmpty();

        assertThat(vulnerable(sbom, Triage.NONE)).anySatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.message()).startsWith("Dropbear SSH 2017.75");
        });
        List<Finding> after = vulnerable(sbom, t);
        assertThat(after).noneMatch(f -> f.outcome() == Outcome.FAIL && f.message().startsWith("Dropbear"));
        Finding info = after.stream().filter(f -> f.data().containsKey("triaged")).findFirst().orElseThrow();
        assertThat(info.outcome()).isEqualTo(Outcome.INFO);
        assertThat(info.message()).startsWith("Dropbear SSH 2017.75: " + cves.size() + " vulnerabilit")
                .contains("not_affected (vulnerable_code_not_present) per lab.openvex.json, author Example Test Lab");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> triaged = (List<Map<String, Object>>) info.data().get("triaged");
        assertThat(triaged).extracting(m -> m.get("id")).containsExactlyInAnyOrderElementsOf(cves);
        assertThat(triaged.get(0).get("vex")).isEqualTo(Map.of("status", "not_affected",
                "justification", "vulnerable_code_not_present", "detail", "not built", "author", "Example Test Lab",
                "file", "lab.openvex.json", "format", "openvex"));
        // the other components are untouched
        assertThat(after).anySatisfy(f -> assertThat(f.message()).startsWith("OpenSSL 1.0.1f is affected"));
    }

    @Test
    void notAffectedWithoutJustificationIsAWarningAndNotApplied(@TempDir Path dir) throws IOException {
        Sbom sbom = router(dir);
        String cve = dropbearCves(sbom).get(0);
        Triage t = Triage.read(List.of(openVex(dir, statement(cve, "pkg:generic/dropbear", "not_affected", null))));
        assertThat(t.statements()).isEmpty();
        assertThat(t.warnings()).singleElement().asString()
                .contains(cve).contains("not_affected without a justification; not applied");
        assertThat(vulnerable(sbom, t)).anySatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.message()).startsWith("Dropbear SSH 2017.75").contains(cve);
        });
    }

    @Test
    void cycloneDxVexIsReadWithItsAnalysisAndBomLinkRefs(@TempDir Path dir) throws IOException {
        Sbom sbom = router(dir);
        List<String> cves = dropbearCves(sbom);
        StringBuilder vulns = new StringBuilder();
        for (int i = 0; i < cves.size(); i++) {
            vulns.append(i == 0 ? "" : ",").append("""
                    {"id": "%s", "analysis": {"state": "%s", "justification": "code_not_present",
                     "detail": "dropbear built without the affected code"},
                     "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:generic/dropbear@2017.75"}]}"""
                    .formatted(cves.get(i), i == 0 ? "exploitable" : "not_affected"));
        }
        Path f = dir.resolve("lab.cdx.json");
        Files.writeString(f, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "metadata": {"authors": [{"name": "Example Test Lab"}]},
                 "vulnerabilities": [%s]}""".formatted(vulns));
        Triage t = Triage.read(List.of(f));
        assertThat(t.statements()).hasSize(cves.size());
        List<Finding> after = vulnerable(sbom, t);
        // the first CVE is confirmed (exploitable → affected): still claimed, marked so in the data
        Finding fail = after.stream().filter(x -> x.outcome() == Outcome.FAIL && x.message().startsWith("Dropbear"))
                .findFirst().orElseThrow();
        assertThat(fail.message()).contains(cves.get(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) fail.data().get("vulnerabilities");
        assertThat(listed).singleElement().satisfies(m -> assertThat(m.get("vex")).asString()
                .contains("status=affected").contains("author=Example Test Lab").contains("format=cyclonedx"));
    }

    @Test
    void aCycloneDxRefKeepsThePlusOfADebianRevision(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("deb.cdx.json");
        Files.writeString(f, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "vulnerabilities": [
                 {"id": "CVE-2023-4911", "analysis": {"state": "resolved", "detail": "fixed in 2.36-9+deb12u3"},
                  "affects": [{"ref": "pkg:deb/debian/libc6@2.36-9+deb12u4?arch=armhf"}]}]}""");
        assertThat(Triage.read(List.of(f)).statements()).singleElement()
                .satisfies(s -> assertThat(s.products()).containsExactly("pkg:deb/debian/libc6@2.36-9+deb12u4?arch=armhf"));
    }

    @Test
    void productsMatchByPurlWithOrWithoutVersionAndQualifiersOrByNameAndVersion(@TempDir Path dir) throws IOException {
        var dropbear = router(dir).components().stream().filter(c -> c.id().equals("dropbear")).findFirst().orElseThrow();
        assertThat(dropbear.purl()).isEqualTo("pkg:generic/dropbear@2017.75");
        assertThat(Triage.covers("pkg:generic/dropbear@2017.75", dropbear)).isTrue();
        assertThat(Triage.covers("pkg:generic/dropbear", dropbear)).isTrue();
        assertThat(Triage.covers("pkg:generic/dropbear@2017.75?arch=mips", dropbear)).isTrue();
        assertThat(Triage.covers("pkg:generic/dropbear@2019.78", dropbear)).isFalse();
        assertThat(Triage.covers("pkg:generic/dropbearx", dropbear)).isFalse();
        assertThat(Triage.covers("Dropbear SSH@2017.75", dropbear)).isTrue();
        assertThat(Triage.covers("dropbear@2017.75", dropbear)).isTrue();
        assertThat(Triage.covers("dropbear@2020.81", dropbear)).isFalse();
        assertThat(Triage.purlCovers("pkg:deb/debian/libc6@2.36-9+deb12u4",
                "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=armhf&distro=debian-12")).isTrue();
    }
}
