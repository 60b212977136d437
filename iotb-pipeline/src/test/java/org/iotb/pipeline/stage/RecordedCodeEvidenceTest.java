package org.iotb.pipeline.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.iotb.firmware.tree.FileTree;
import org.iotb.pipeline.PipelineListener;
import org.iotb.pipeline.firmware.FirmwareEvidence;
import org.iotb.sbom.SbomChecks;
import org.iotb.sbom.vuln.VulnDb;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match stage runs without the unpacked tree: the code evidence decided while it was there, replayed, must give
 * the SBOM findings the tree's own judge gives (on the example, whose dropbear binaries carry the Terrapin fix).
 */
@Tag("integration")
class RecordedCodeEvidenceTest {
    private static final Path IMAGE = Path.of("..", "examples", "smart-lock", "firmware", "sl100-1.4.2-unit1.bin")
            .toAbsolutePath().normalize();

    @Test
    void recordedDecisionsJudgeAsTheTreeDoes(@TempDir Path work) throws Exception {
        FirmwareEvidence evidence = FirmwareEvidence.gather("fw.bin", IMAGE, work.resolve("keep"), PipelineListener.NONE);
        Path root;
        try (Stream<Path> s = Files.list(work.resolve("keep"))) {
            root = s.filter(p -> p.getFileName().toString().endsWith(".extracted")).findFirst().orElseThrow();
        }
        SbomChecks checks = new SbomChecks(VulnDb.bundled());

        String live = StageCodec.json(checks.withCodeEvidence(FileTree.index(root)).run(evidence.sbom()));
        String replayed = StageCodec.json(evidence.vulnerabilityFindings(checks));
        FirmwareEvidence stored = StageCodec.read(StageCodec.json(evidence), FirmwareEvidence.class);

        assertThat(evidence.codeEvidence()).isNotEmpty();
        assertThat(live).contains("CVE-2023-48795").contains("ruledOutByCode");
        assertThat(replayed).isEqualTo(live);
        assertThat(StageCodec.json(stored.vulnerabilityFindings(checks))).isEqualTo(live);
    }
}
