package org.iotb.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iotb.assess.Fixtures.secret;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.catalog.declarations.Support;
import org.iotb.catalog.profile.Profile;
import org.iotb.model.Checks;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.facts.AccountFact;
import org.iotb.model.facts.InterfaceFact;
import org.iotb.model.facts.OsFact;
import org.iotb.model.facts.ServiceFact;
import org.iotb.model.facts.SystemFacts;
import org.junit.jupiter.api.Test;

class AssessorTest {
    private static final Catalog CATALOG = Fixtures.catalog(
            Fixtures.conditional("5.1-1", 1, List.of("fw.cred.*", "assess.unique.credentials")),
            Fixtures.req("5.2-1", false, List.of()),
            Fixtures.ifAny("5.9-1", "interface:ble", List.of("fw.ble.pairing")),
            Fixtures.req("5.3-1", true, List.of("fw.svc.telnet")));

    private static final Profile PROFILE = new Profile(new Profile.Product("Lamp", "L1", "Acme", "1.2"),
            null, null, null, null, null);

    private static AssessmentInput twoUnits(String fp2, String sha2) {
        Finding facts = Finding.of("fw.os.facts", Outcome.INFO, "linux", List.of())
                .withData(Map.of("os", "linux", "has-passwords", true, "ble-stack", "bluez"));
        SystemFacts typed = new SystemFacts(new OsFact("linux", "uclibc", true, null), List.of(),
                List.of(new AccountFact("root", "etc/shadow", 1, AccountFact.Password.HASH, "md5", null, null)),
                List.of(new InterfaceFact("ble", "usr/sbin/bluetoothd")), null, null);
        return new AssessmentInput(CATALOG, PROFILE,
                new Declarations(Map.of("std-a", Map.of("5.2-1", new Declaration(Support.Y, "policy at /vdp", List.of())))),
                List.of(new SourceFindings("unit1.bin", InputKind.FIRMWARE, List.of(facts,
                                secret("fw.cred.shadow", "etc/shadow", "1".repeat(64)),
                                Finding.pass("fw.svc.telnet", "no telnetd in etc/inittab", List.of())), typed),
                        new SourceFindings("unit2.bin", InputKind.FIRMWARE, List.of(facts,
                                secret("fw.cred.shadow", "etc/shadow", fp2),
                                Finding.pass("fw.svc.telnet", "no telnetd in etc/inittab", List.of())), typed)),
                List.of(InputRecord.file(InputKind.FIRMWARE, "unit1.bin", "/tmp/unit1.bin", "a".repeat(64), 10),
                        InputRecord.file(InputKind.FIRMWARE, "unit2.bin", "/tmp/unit2.bin", sha2, 10)),
                List.of(new ImageFacts("unit1.bin", "a".repeat(64), 10L, 1024, List.of(0.1, 0.9),
                        List.of(ServiceFact.boot("dnsmasq", "init.d", "etc/init.d/dnsmasq", 4, "/usr/sbin/dnsmasq")), List.of())),
                Map.of("unpack", 12L), List.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void everyRequirementGetsAVerdictAndSharedSecretsFailTheUniquenessRequirement() {
        Assessment a = new Assessor().assess(twoUnits("1".repeat(64), "b".repeat(64)));
        assertThat(a.verdicts()).extracting(Verdict::requirement).containsExactly("5.1-1", "5.2-1", "5.9-1", "5.3-1");
        Verdict unique = a.verdict("std-a", "5.1-1").orElseThrow();
        assertThat(unique.applicable()).isEqualTo(Applicable.YES); // passwords inferred from the image
        assertThat(unique.verdict()).isEqualTo(VerdictValue.FAIL);
        assertThat(unique.findings()).contains("assess.unique.credentials");
        assertThat(a.verdict("std-a", "5.2-1").orElseThrow().verdict()).isEqualTo(VerdictValue.PASS);
        Verdict ble = a.verdict("std-a", "5.9-1").orElseThrow();
        assertThat(ble.applicable()).isEqualTo(Applicable.YES);
        assertThat(ble.applicabilityReason()).contains("interface:ble").contains("inferred from the firmware");
        assertThat(ble.verdict()).isEqualTo(VerdictValue.NOT_ASSESSED);
        assertThat(a.verdict("std-a", "5.3-1").orElseThrow().verdict()).isEqualTo(VerdictValue.PASS);
        StandardSummary s = a.summary().get(0);
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.count(VerdictValue.FAIL)).isEqualTo(1);
        assertThat(s.mandatoryFailures()).containsExactly("5.1-1");
        assertThat(a.profile().inferred()).extracting(InferredFact::key).contains("os", "device.passwords", "interfaces");
        assertThat(a.product().displayName()).isEqualTo("Acme Lamp (firmware 1.2)");
        assertThat(a.findings()).filteredOn(f -> f.source().equals(Assessor.DERIVED_SOURCE)).isNotEmpty();
        assertThat(a.timings()).containsKeys("unpack", "assess");
    }

    @Test
    void differentSecretsPassUniqueness() {
        Assessment a = new Assessor().assess(twoUnits("2".repeat(64), "b".repeat(64)));
        assertThat(a.findings()).filteredOn(f -> f.check().equals("assess.unique.credentials"))
                .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    }

    @Test
    void byteIdenticalUnitsCountOnce() {
        Assessment a = new Assessor().assess(twoUnits("1".repeat(64), "a".repeat(64)));
        assertThat(a.findings()).filteredOn(f -> f.check().equals("assess.unique.credentials"))
                .singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.NOT_RUN));
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("byte-identical"));
    }

    @Test
    void jsonRoundTripsAndRebuildsProfileAndDeclarations() throws IOException {
        Assessment a = new Assessor().assess(twoUnits("1".repeat(64), "b".repeat(64)));
        String json = a.toJson();
        assertThat(json).contains("\"schemaVersion\" : \"3.2\"").doesNotContain("derivedFrom").contains("\"verdict\" : \"fail\"")
                .contains("\"source\" : \"unit2.bin\"").contains("\"not-applicable\" : 0");
        Assessment back = Assessment.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.verdicts()).isEqualTo(a.verdicts());
        assertThat(back.summary()).isEqualTo(a.summary());
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(Assessor.declaredProfile(back, CATALOG).product().name()).isEqualTo("Lamp");
        assertThat(back.conformance()).isEqualTo(a.conformance());
        assertThat(back.conformanceOf("std-a").orElseThrow().rows()).extracting(r -> r.reference())
                .containsExactly("5.1-1", "5.2-1", "5.9-1", "5.3-1");
        assertThat(Assessor.declarations(back).get("std-a", "5.2-1").orElseThrow().support()).isEqualTo(Support.Y);
    }

    @Test
    void rejectsAnotherMajorSchemaVersion() {
        String json = "{\"schemaVersion\":\"4.0\",\"verdicts\":[]}";
        assertThatThrownBy(() -> Assessment.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("schemaVersion 4.0");
    }

    @Test
    void assessChecksAreRegistered() {
        assertThat(Checks.all()).extracting(d -> d.id()).contains("assess.unique.credentials", "assess.unique.keys",
                "assess.cross.services", "assess.cross.keys", "assess.cross.credentials");
        assertThat(Checks.find("assess.cross.keys").orElseThrow().remediation()).isNotBlank();
    }
}
