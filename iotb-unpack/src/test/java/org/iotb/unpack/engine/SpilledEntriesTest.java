package org.iotb.unpack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iotb.model.Json;
import org.iotb.unpack.UnpackListener;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import org.iotb.unpack.manifest.ManifestEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #20, memory on adversarial shapes: past a fixed number of entries the manifest's entries wait on disk, not
 * on the heap, and the manifest comes out exactly as when all were held (same entries, same order, types filled
 * in), with no spill file left behind.
 */
class SpilledEntriesTest {

    @Test
    void aManyEntryArchiveSpillsPastTheHeldEntriesAndTheManifestIsUnchanged(@TempDir Path dir) throws Exception {
        Path tar = dir.resolve("many.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            for (int i = 0; i < 1200; i++) {
                byte[] data = (i % 7 == 0 ? "#!/bin/sh\necho " + i + "\n" : "x" + i + "\n").getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("d" + (i / 100) + "/f" + i + (i % 7 == 0 ? ".sh" : ""));
                e.setSize(data.length);
                t.putArchiveEntry(e);
                t.write(data);
                t.closeArchiveEntry();
            }
            byte[] shadow = "root:$6$x$y:19000:0:99999:7:::\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry s = new TarArchiveEntry("etc/shadow");
            s.setSize(shadow.length);
            t.putArchiveEntry(s);
            t.write(shadow);
            t.closeArchiveEntry();
        }
        Unpacker u = new Unpacker();
        UnpackResult held = new Unpacker(u.handlers()).unpack(tar, dir.resolve("held"), UnpackOptions.defaults());
        UnpackResult spilled = new UnpackRun(u.handlers(), UnpackOptions.defaults(), UnpackListener.NONE, 300)
                .run(tar, dir.resolve("spilled"));

        assertThat(spilled.manifest().stats()).containsEntry("entriesSpilledToDisk", held.entries().size() - 300);
        assertThat(held.manifest().stats()).doesNotContainKey("entriesSpilledToDisk");
        assertThat(spilled.entries()).hasSize(held.entries().size()).hasSizeGreaterThan(1200);
        assertThat(spilled.entries().get(spilled.entries().size() - 1).path()).endsWith("etc/shadow");
        assertThat(spilled.entries().stream().filter(e -> e.path().endsWith(".sh")))
                .allMatch(e -> "script".equals(e.detectedType()));
        assertThat(paths(spilled.entries())).isEqualTo(paths(held.entries()));

        JsonNode a = Json.mapper().readTree(held.manifestFile().toFile()).get("entries");
        JsonNode b = Json.mapper().readTree(spilled.manifestFile().toFile()).get("entries");
        assertThat(b.size()).isEqualTo(a.size());
        assertThat(b).isEqualTo(a);
        try (Stream<Path> s = Files.list(dir.resolve("spilled"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no spill file left behind")
                    .containsExactlyInAnyOrder("manifest.json", "many.tar.extracted");
        }
    }

    private static List<String> paths(List<ManifestEntry> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.path()));
        return out;
    }
}
