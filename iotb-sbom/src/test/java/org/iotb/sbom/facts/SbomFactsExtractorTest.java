package org.iotb.sbom.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.facts.ComponentFact;
import org.iotb.model.facts.SystemFacts;
import org.iotb.sbom.Sbom;
import org.iotb.sbom.SbomBuilder;
import org.iotb.sbom.SbomOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The SBOM's components as typed facts, on the real router binaries of ../shared/samples/elf. */
@Tag("integration")
class SbomFactsExtractorTest {
    @Test
    void realBusyboxBuildsBecomeComponentFacts() throws Exception {
        String p = System.getProperty("IOTB_SAMPLES", System.getenv("IOTB_SAMPLES"));
        Path elf = (p != null ? Path.of(p) : Path.of("..", "..", "shared", "samples")).resolve("elf");
        assumeTrue(Files.isDirectory(elf), "samples folder " + elf.toAbsolutePath() + " absent: skipped");
        Sbom sbom = new SbomBuilder().build(elf, SbomOptions.of("elf", null));

        SystemFacts facts = SbomFactsExtractor.extract(sbom);

        assertThat(facts.components()).hasSameSizeAs(sbom.components());
        assertThat(facts.components()).contains(new ComponentFact("busybox", sbom.components().stream()
                .filter(c -> "1.19.4".equals(c.version())).findFirst().orElseThrow().name(), "1.19.4",
                sbom.components().stream().filter(c -> "1.19.4".equals(c.version())).findFirst().orElseThrow().purl(),
                "cpe:2.3:a:busybox:busybox:1.19.4:*:*:*:*:*:*:*"));
        assertThat(facts.components()).extracting(ComponentFact::version).contains("1.31.0");
        assertThat(facts.services()).isNull(); // the SBOM does not look at services
        assertThat(facts.os()).isNull();
    }
}
