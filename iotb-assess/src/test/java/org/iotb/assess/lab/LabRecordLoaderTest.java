package org.iotb.assess.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.catalog.Catalog;
import org.iotb.model.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabRecordLoaderTest {
    private static final Catalog CATALOG = Catalog.load();

    @TempDir
    Path dir;

    private LabRecord load(String yaml) throws Exception {
        Path f = dir.resolve("lab.yaml");
        Files.writeString(f, yaml);
        return new LabRecordLoader(CATALOG).load(f);
    }

    @Test
    void readsTheRecordResolvesRequirementsAndHashesAttachments() throws Exception {
        Files.createDirectories(dir.resolve("photos"));
        Files.write(dir.resolve("photos/pcb.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        LabRecord r = load("""
                laboratory: {name: Test House, accreditation: "ISO/IEC 17025 no. 1"}
                client: Acme
                report-id: TH-1
                dates: {start: 2026-11-02, end: 2026-11-20, issue: 2026-11-27}
                device-under-test: {model: SL-100, hardware-version: rev C, firmware-version: 1.4.2, serials: [S1, S2]}
                tester: A
                reviewer: B
                observations:
                  - requirement: "5.1-1"
                    unit: S1
                    done: tried the label password
                    result: FAIL
                    attachments: [photos/pcb.png]
                  - id: X-2
                    requirement: "mtsfb-tc-g044:6.1(a)"
                    done: looked
                    result: info
                """);
        assertThat(r.reportId()).isEqualTo("TH-1");
        assertThat(r.dates().issue()).isEqualTo("2026-11-27");
        assertThat(r.deviceUnderTest().serials()).containsExactly("S1", "S2");
        LabObservation first = r.observations().get(0);
        assertThat(first.id()).isEqualTo("OBS-1");
        assertThat(first.requirement()).isEqualTo("etsi-en-303-645:5.1-1");
        assertThat(first.result()).isEqualTo(LabResult.FAIL);
        assertThat(first.attachments()).singleElement().satisfies(a -> {
            assertThat(a.file()).isEqualTo("attachments/pcb.png");
            assertThat(a.sha256()).isEqualTo(Sha256.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            assertThat(a.bytes()).isEqualTo(4);
        });
        assertThat(r.observations().get(1).id()).isEqualTo("X-2");
        assertThat(r.observations().get(1).requirement()).isEqualTo("mtsfb-tc-g044:6.1(a)");
    }

    @Test
    void anUnknownKeyNamesItsLine() {
        assertThatThrownBy(() -> load("client: Acme\nreport-number: 7\n"))
                .isInstanceOf(LabRecordException.class).hasMessageContaining("line 2")
                .hasMessageContaining("unknown key 'report-number'");
    }

    @Test
    void everyProblemOfTheObservationsIsListed() {
        assertThatThrownBy(() -> load("""
                dates: {issue: 27.11.2026}
                observations:
                  - {requirement: "9.9-9", done: x, result: pass}
                  - {requirement: "etsi-en-303-645:5.1-1", result: maybe, done: x, attachments: [missing.png]}
                  - {requirement: "etsi-en-303-645:5.1-1", result: pass}
                """))
                .isInstanceOf(LabRecordException.class)
                .hasMessageContaining("dates.issue: '27.11.2026' is not a date")
                .hasMessageContaining("requirement '9.9-9' is in no standard")
                .hasMessageContaining("result: unknown result 'maybe'")
                .hasMessageContaining("attachment missing.png does not exist")
                .hasMessageContaining("'done' is required");
    }

    @Test
    void aSymbolicLinkAsAttachmentIsRefused() throws Exception {
        Files.writeString(dir.resolve("real.txt"), "x");
        Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("real.txt"));
        assertThatThrownBy(() -> load("observations:\n  - {requirement: \"5.1-1\", done: x, result: pass, attachments: [link.txt]}\n"))
                .isInstanceOf(LabRecordException.class).hasMessageContaining("is a symbolic link");
    }

    @Test
    void theTemplateIsAValidEmptyRecord() throws Exception {
        String template;
        try (var in = LabRecord.class.getResourceAsStream("lab-template.yaml")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(load(template).observations()).isEmpty();
    }
}
