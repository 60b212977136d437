package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.model.Json;
import org.iotb.unpack.cli.UnpackCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UnpackCommandTest {
    @TempDir
    Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new UnpackCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    @Tag("integration")
    void unpacksAndPrintsAJsonSummary() throws Exception {
        Fixtures.requireTool("tar", "tar");
        Path src = Fixtures.sourceTree(tmp.resolve("src"));
        Fixtures.sh(src, "tar -czf ../image.tgz .");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, tmp.resolve("image.tgz").toString(), "-o", tmp.resolve("out").toString(), "--json",
                "--max-depth", "3", "--max-total-bytes", "64m", "--max-file-size", "10m", "--max-ratio", "500",
                "--max-files", "1000", "--timeout", "60s");
        assertThat(code).as(err.toString()).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        assertThat(summary.get("containers").toString()).contains("gzip", "tar");
        JsonNode manifest = Json.mapper().readTree(tmp.resolve("out/manifest.json").toFile());
        assertThat(manifest.get("limits").get("maxDepth").asInt()).isEqualTo(3);
        assertThat(manifest.get("limits").get("maxTotalBytes").asLong()).isEqualTo(64L << 20);
        assertThat(manifest.get("entries").size()).isGreaterThan(5);
    }

    @Test
    void helpTeachesTheLayoutAndLimits() {
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "--help")).isZero();
        assertThat(out.toString()).contains("manifest.json", "--max-ratio", "ANY offset",
                "<offset>-<format>");
    }

    @Test
    void badInputIsAnErrorNotACrash() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, tmp.resolve("missing.bin").toString(), "-o", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a readable file");
        assertThat(run(new StringWriter(), err, "x", "-o", tmp.toString(), "--max-total-bytes", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("not a size");
    }

    @Test
    void refusesToOverwriteAnEarlierExtraction() throws Exception {
        Path f = tmp.resolve("a.bin");
        Files.write(f, new byte[100]);
        assertThat(run(new StringWriter(), new StringWriter(), f.toString(), "-o", tmp.resolve("o").toString())).isZero();
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, f.toString(), "-o", tmp.resolve("o").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
    }
}
