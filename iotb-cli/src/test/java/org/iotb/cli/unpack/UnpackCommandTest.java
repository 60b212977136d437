package org.iotb.cli.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.iotb.model.Json;
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
    void unpacksAndPrintsAJsonSummary() throws Exception {
        writeTarGz(tmp.resolve("image.tgz"));
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

    /** A gzip-compressed tar of a small root file system (the unpack module's own tests cover the formats). */
    private static void writeTarGz(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String name : new String[] {"etc/passwd", "etc/init.d/rcS", "bin/busybox", "usr/lib/libc.so", "www/index.html",
                    "etc/shadow"}) {
                byte[] data = ("content of " + name + "\n").repeat(50).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
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
        // an output that is in the way is bad input (exit 2, issue #20), not a failed run
        assertThat(run(new StringWriter(), err, f.toString(), "-o", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
    }
}
