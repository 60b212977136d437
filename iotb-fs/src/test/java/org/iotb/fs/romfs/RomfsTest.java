package org.iotb.fs.romfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iotb.fs.testing.Entry;
import org.iotb.fs.testing.FixtureTree;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.ReferenceTree;
import org.iotb.fs.testing.Samples;
import org.iotb.fs.testing.Tools;
import org.iotb.fs.testing.Trees;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genromfs images compared with their source tree (romfs keeps no permissions, so modes are not compared). */
@Tag("integration")
class RomfsTest {
    @TempDir
    Path work;

    @Test
    void genromfsImageMatchesItsSourceTree() throws Exception {
        Tools.require("genromfs", "genromfs");
        Path src = work.resolve("src");
        FixtureTree.create(src, false);
        Path img = work.resolve("img.romfs");
        Tools.run("genromfs", "-f", img.toString(), "-d", src.toString(), "-V", "iotb test");
        RomfsHandler h = new RomfsHandler();
        RecordingSink sink = new RecordingSink(work.resolve("out"));
        try (ByteSource s = ByteSource.open(img)) {
            Match m = h.identify(s, 0).orElseThrow();
            assertThat(m.info()).containsEntry("volume", "iotb test");
            assertThat(m.length()).isLessThanOrEqualTo(Files.size(img)).isGreaterThan(Files.size(img) - 1024);
            h.extract(s, m, sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.escapes).isEmpty();
        assertThat(sink.hardlinks).hasSize(2);
        Map<String, Entry> expected = ReferenceTree.scan(src);
        Trees.assertSame(sink.resolved(), expected, Entry::withoutMode);
    }

    @Test
    void corruptChecksumIsNotAMatch() throws Exception {
        Tools.require("genromfs", "genromfs");
        Path src = work.resolve("small");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a"), "a");
        Path img = work.resolve("small.romfs");
        Tools.run("genromfs", "-f", img.toString(), "-d", src.toString());
        byte[] b = Files.readAllBytes(img);
        RomfsHandler h = new RomfsHandler();
        assertThat(h.identify(ByteSource.of(b), 0)).isPresent();
        b[20] ^= 1;
        assertThat(h.identify(ByteSource.of(b), 0)).isEmpty();
    }

    @Test
    void realSample() throws Exception {
        Path img = Samples.file("filesystems/romfs.bin");
        RomfsHandler h = new RomfsHandler();
        RecordingSink sink = new RecordingSink(work.resolve("sample"));
        try (ByteSource s = ByteSource.open(img)) {
            h.extract(s, h.identify(s, 0).orElseThrow(), sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.entries).containsOnlyKeys("lsb-release");
        String text = Files.readString(work.resolve("sample/lsb-release"));
        assertThat(text).startsWith("DISTRIB_ID=Ubuntu\n").contains("DISTRIB_CODENAME=jammy");
        assertThat(sink.entries.get("lsb-release").size()).isEqualTo(text.length());
    }
}
