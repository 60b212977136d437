package org.iotb.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.iotb.sbom.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SbomTreeCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sbomTreeWritesEachFormat(@TempDir Path tmp) throws Exception {
        Path root = TestTrees.oldRouter(tmp);
        Run table = run(new SbomTreeCommand(), root.toString());
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("OpenSSL", "1.0.1f");
        Path cdx = tmp.resolve("bom.json");
        assertThat(run(new SbomTreeCommand(), root.toString(), "--format", "cyclonedx", "-o", cdx.toString(),
                "--sha256", "00".repeat(32)).code()).isZero();
        assertThat(Json.mapper().readTree(cdx.toFile()).path("bomFormat").asText()).isEqualTo("CycloneDX");
        Run spdx = run(new SbomTreeCommand(), root.toString(), "--format", "spdx");
        assertThat(Json.mapper().readTree(spdx.out()).path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        Run findings = run(new SbomTreeCommand(), root.toString(), "--findings", "--db", tmp.resolve("none").toString());
        assertThat(findings.out()).contains("sbom.component-vulnerable", "CVE-2014-0160");
    }
}
