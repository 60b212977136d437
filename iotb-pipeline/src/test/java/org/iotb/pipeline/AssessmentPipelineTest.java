package org.iotb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.assess.VerdictValue;
import org.iotb.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** The pipeline as a server or worker would call it: no command line, events to a listener, an Assessment back. */
@Tag("integration")
class AssessmentPipelineTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "smart-lock").toAbsolutePath().normalize();
    private static AssessmentPipeline pipeline;

    @BeforeAll
    static void loadTheCatalogOnce() throws Exception {
        pipeline = new AssessmentPipeline(Catalog.load());
    }

    /** Records the events in order: "start X", "done Y"; progress lines are dropped (their number varies). */
    private static final class Recorder implements PipelineListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void stageStarted(String stage) {
            events.add("start " + stage);
        }

        @Override
        public void progress(String status) {
        }

        @Override
        public void stageDone(String summary) {
            events.add("done " + summary);
        }
    }

    @Test
    void twoUnitsOfOneProductGiveOneAssessmentAndTheStagesInOrder(@TempDir Path work) throws Exception {
        Path unit1 = EXAMPLE.resolve("firmware/sl100-1.4.2-unit1.bin");
        // the second unit under the same file name: the assessment must still tell the two apart
        Path unit2 = Files.createDirectories(work.resolve("unit2")).resolve(unit1.getFileName());
        Files.copy(EXAMPLE.resolve("firmware/sl100-1.4.2-unit2.bin"), unit2);
        Recorder recorder = new Recorder();
        AssessmentRequest request = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"),
                EXAMPLE.resolve("declarations.yaml"), List.of(unit1, unit2), List.of(), null, work.resolve("no-store"),
                work.resolve("keep"));

        Assessment a = pipeline.run(request, recorder);

        assertThat(a.inputs()).extracting(InputRecord::kind).containsExactly(InputKind.PROFILE, InputKind.DECLARATIONS,
                InputKind.DECLARATION_EVIDENCE, InputKind.FIRMWARE, InputKind.FIRMWARE);
        assertThat(a.inputs()).extracting(InputRecord::name).containsExactly("profile.yaml", "declarations.yaml",
                "docs/provisioning.md", "sl100-1.4.2-unit1.bin", "sl100-1.4.2-unit1.bin#2");
        assertThat(a.inputs().get(2).sha256()).isEqualTo(org.iotb.model.Sha256.of(EXAMPLE.resolve("docs/provisioning.md")));
        assertThat(a.inputs().get(3).sha256()).isEqualTo(org.iotb.model.Sha256.of(unit1));
        assertThat(a.images()).hasSize(2);
        assertThat(a.verdicts()).isNotEmpty();
        assertThat(a.timings()).containsKeys("unpack", "checks", "sbom");
        assertThat(a.warnings()).doesNotContain("no firmware and no device given: verdicts rest on declarations alone");
        assertThat(work.resolve("keep/sl100-1.4.2-unit1.bin#2")).isDirectory();
        assertThat(recorder.events).first().isEqualTo("start unpacking sl100-1.4.2-unit1.bin");
        assertThat(recorder.events).contains("start checking sl100-1.4.2-unit1.bin", "start SBOM of sl100-1.4.2-unit1.bin#2")
                .endsWith("start deciding verdicts", "done " + a.verdicts().size() + " verdicts");
    }

    @Test
    void declarationsAloneAreAssessedOnlyWhenAskedForAndThenWithAWarning() throws Exception {
        AssessmentRequest bare = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), null, null, null, null, null, null);
        assertThatThrownBy(() -> pipeline.run(bare, PipelineListener.NONE))
                .isInstanceOf(PipelineInputException.class).hasMessageStartingWith("nothing to examine")
                .hasMessageContaining("--declarations-only");
        Assessment a = pipeline.run(bare.withDeclarationsOnly(true), PipelineListener.NONE);
        assertThat(a.warnings()).contains("no firmware and no device given: verdicts rest on declarations alone");
        assertThat(a.inputs()).extracting(InputRecord::kind).containsExactly(InputKind.PROFILE);
    }

    @Test
    void aFileADeclarationCitesMustExist(@TempDir Path work) throws Exception {
        Path declarations = work.resolve("declarations.yaml");
        Files.writeString(declarations, "etsi-en-303-645:\n"
                + "  \"5.1-1\": {support: Y, evidence: [docs/missing.pdf, \"https://example.com/vdp\", \"our QA report\"]}\n");
        AssessmentRequest request = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), declarations, null, null, null,
                null, null).withDeclarationsOnly(true);
        assertThatThrownBy(() -> pipeline.run(request, PipelineListener.NONE))
                .isInstanceOf(PipelineInputException.class)
                .hasMessageContaining("etsi-en-303-645 5.1-1 cites docs/missing.pdf")
                .hasMessageNotContaining("example.com").hasMessageNotContaining("QA report");
        Files.createDirectories(work.resolve("docs"));
        Files.writeString(work.resolve("docs/missing.pdf"), "now it exists");
        Assessment a = pipeline.run(request, PipelineListener.NONE);
        assertThat(a.inputs()).filteredOn(i -> i.kind() == InputKind.DECLARATION_EVIDENCE).singleElement()
                .satisfies(i -> {
                    assertThat(i.name()).isEqualTo("docs/missing.pdf");
                    assertThat(i.sha256()).isEqualTo(org.iotb.model.Sha256.of(work.resolve("docs/missing.pdf")));
                });
    }

    @Test
    void anInputThatIsNotFirmwareIsReportedAndNothingPassesOnIt(@TempDir Path work) throws Exception {
        Path encrypted = work.resolve("encrypted.bin");
        byte[] noise = new byte[256 * 1024];
        new java.util.Random(12).nextBytes(noise); // looks like ciphertext: entropy close to 8 bits per byte
        Files.write(encrypted, noise);
        AssessmentRequest request = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), null,
                List.of(encrypted, Path.of("..", "README.md")), List.of(), null, work.resolve("no-store"), null);
        NothingExaminedException e = (NothingExaminedException) org.assertj.core.api.Assertions.catchThrowable(
                () -> pipeline.run(request, PipelineListener.NONE));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("no input could be examined")
                .contains("encrypted.bin: nothing could be extracted").contains("high throughout")
                .contains("README.md: nothing could be extracted").contains("never high: no compressed or encrypted data");
        Assessment a = e.assessment();
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("could not be examined: encrypted.bin"));
        assertThat(a.verdicts()).filteredOn(v -> v.checks().stream().anyMatch(c -> c.startsWith("fw.")))
                .allSatisfy(v -> assertThat(v.verdict()).isIn(VerdictValue.INCONCLUSIVE, VerdictValue.NOT_APPLICABLE,
                        VerdictValue.FAIL));
        assertThat(a.verdict("etsi-en-303-645", "5.6-1").orElseThrow().reason()).contains("could not be examined");
    }

    @Test
    void unknownStandardsAreRefusedWithTheValidIds() {
        AssessmentRequest request = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), null, null, null, null, null,
                null).withDeclarationsOnly(true).withStandards(List.of("etsi-en-303-645", "iso-27001"));
        assertThatThrownBy(() -> pipeline.run(request, PipelineListener.NONE))
                .isInstanceOf(PipelineInputException.class).hasMessageStartingWith("--standard: unknown standard iso-27001")
                .hasMessageContaining("valid: etsi-en-303-645, mtsfb-tc-g044, xiaomi-iot-baseline");
    }

    @Test
    void badInputIsAPipelineInputException(@TempDir Path work) {
        AssessmentRequest missingImage = new AssessmentRequest(EXAMPLE.resolve("profile.yaml"), null,
                List.of(work.resolve("missing.bin")), List.of(), null, work.resolve("no-store"), null);
        assertThatThrownBy(() -> pipeline.run(missingImage, PipelineListener.NONE))
                .isInstanceOf(PipelineInputException.class).hasMessageContaining("missing.bin");
        assertThatThrownBy(() -> AssessmentRequest.probeOptions(false, "22,http"))
                .isInstanceOf(PipelineInputException.class).hasMessageStartingWith("--ports");
        assertThat(AssessmentRequest.probeOptions(true, "22,80").intrusive()).isTrue();
        assertThatThrownBy(() -> AssessmentRequest.probeOptions(false, null, "coap=0"))
                .isInstanceOf(PipelineInputException.class).hasMessageStartingWith("--udp-ports");
        assertThat(AssessmentRequest.probeOptions(false, null, "snmp=1161").udpPorts()).containsEntry("snmp", 1161);
        assertThat(AssessmentRequest.probeOptions(false, null, null).udp()).isFalse();
    }

    @Test
    void uniqueNamesSuffixRepeatedFileNames() {
        assertThat(AssessmentPipeline.uniqueNames(List.of(Path.of("a/fw.bin"), Path.of("b/fw.bin"), Path.of("c/x.bin"),
                Path.of("d/fw.bin")))).containsExactly("fw.bin", "fw.bin#2", "x.bin", "fw.bin#3");
    }
}
