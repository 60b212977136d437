package org.iotb.fs.cramfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.fs.testing.FixtureTree;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.ReferenceTree;
import org.iotb.fs.testing.Samples;
import org.iotb.fs.testing.Tools;
import org.iotb.fs.testing.Trees;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mkfs.cramfs images in both byte orders, compared with fsck.cramfs --extract; plus the real samples. */
@Tag("integration")
class CramfsDifferentialTest {
    @TempDir
    static Path work;
    static Path source;

    @BeforeAll
    static void tree() throws Exception {
        source = work.resolve("src");
        FixtureTree.create(source, Tools.isRoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void bothByteOrdersMatchFsckCramfs(String endian) throws Exception {
        Tools.require("mkfs.cramfs", "util-linux-extra");
        Path img = work.resolve(endian + ".cramfs");
        Tools.run("mkfs.cramfs", "-N", endian, source.toString(), img.toString());
        RecordingSink sink = extract(img, endian);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.entries).containsKey("ünïcødé-目录/файл.txt");
        compareWithFsck(img, sink, endian);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cramfs_le_fe.img", "cramfs_le_bw.bin"})
    void realSamplesMatchFsckCramfs(String name) throws Exception {
        Path img = Samples.file("filesystems/" + name);
        RecordingSink sink = extract(img, name);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.entries).isNotEmpty();
        compareWithFsck(img, sink, name);
    }

    private RecordingSink extract(Path img, String tag) throws Exception {
        CramfsHandler h = new CramfsHandler();
        RecordingSink sink = new RecordingSink(work.resolve("ours-" + tag));
        try (ByteSource src = ByteSource.open(img)) {
            Match m = h.identify(src, 0).orElseThrow();
            assertThat(m.length()).isEqualTo(Files.size(img));
            h.extract(src, m, sink);
        }
        assertThat(sink.escapes).isEmpty();
        return sink;
    }

    private void compareWithFsck(Path img, RecordingSink sink, String tag) throws Exception {
        Tools.require("fsck.cramfs", "util-linux-extra");
        Path ref = work.resolve("ref-" + tag);
        Tools.run("fsck.cramfs", "--extract=" + ref, img.toString());
        Trees.assertSame(sink.resolved(), ReferenceTree.scan(ref));
    }
}
