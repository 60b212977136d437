package org.iotb.fs.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.iotb.fs.testing.Entry;
import org.iotb.fs.testing.FixtureTree;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.ReferenceTree;
import org.iotb.fs.testing.Tools;
import org.iotb.fs.testing.Trees;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds squashfs images with mksquashfs and compares our extraction with unsquashfs's, entry by entry. */
@Tag("integration")
class SquashfsDifferentialTest {
    @TempDir
    static Path work;
    static Path source;

    @BeforeAll
    static void tree() throws Exception {
        Tools.require("mksquashfs", "squashfs-tools");
        Tools.require("unsquashfs", "squashfs-tools");
        source = work.resolve("src");
        FixtureTree.create(source, Tools.isRoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "xz", "lzma", "lzo", "lz4", "zstd"})
    void everyCompressorMatchesUnsquashfs(String comp) throws Exception {
        Path img = work.resolve(comp + ".sqfs");
        Tools.run("mksquashfs", source.toString(), img.toString(), "-comp", comp, "-noappend", "-quiet",
                "-no-progress", "-processors", "1");
        compareWithUnsquashfs(img, comp);
    }

    @Test
    void smallBlocksNoFragmentsAndUncompressedData() throws Exception {
        Path img = work.resolve("variant.sqfs");
        Tools.run("mksquashfs", source.toString(), img.toString(), "-b", "4096", "-no-fragments", "-noD",
                "-noappend", "-quiet", "-no-progress", "-processors", "1");
        compareWithUnsquashfs(img, "variant");
    }

    @Test
    void alwaysFragmentsAndUncompressedMetadata() throws Exception {
        Path img = work.resolve("variant2.sqfs");
        Tools.run("mksquashfs", source.toString(), img.toString(), "-always-use-fragments", "-noI", "-noF",
                "-b", "1M", "-noappend", "-quiet", "-no-progress", "-processors", "1");
        compareWithUnsquashfs(img, "variant2");
    }

    @Test
    void foundAtAnOffsetWithItsPaddedLength() throws Exception {
        Path img = work.resolve("offset-src.sqfs");
        Tools.run("mksquashfs", source.toString(), img.toString(), "-noappend", "-quiet", "-no-progress",
                "-processors", "1");
        byte[] body = Files.readAllBytes(img);
        byte[] padded = new byte[1000 + body.length + 777];
        System.arraycopy(body, 0, padded, 1000, body.length);
        SquashfsHandler h = new SquashfsHandler();
        ByteSource src = ByteSource.of(padded);
        Optional<Match> m = h.identify(src, 1000);
        assertThat(m).isPresent();
        assertThat(m.get().length()).isEqualTo(body.length); // mksquashfs pads to 4 KiB: the whole file
        assertThat(body.length % 4096).isZero();
        assertThat(h.identify(src, 999)).isEmpty();
        assertThat(h.identify(src, 0)).isEmpty();
        // a truncated image is not a match: its tables lie beyond the end
        assertThat(h.identify(ByteSource.of(java.util.Arrays.copyOf(body, body.length / 2)), 0)).isEmpty();
    }

    private void compareWithUnsquashfs(Path img, String tag) throws IOException, InterruptedException {
        Path ref = work.resolve("ref-" + tag);
        Tools.run("unsquashfs", "-d", ref.toString(), "-no-progress", img.toString());
        RecordingSink sink = new RecordingSink(work.resolve("ours-" + tag));
        SquashfsHandler h = new SquashfsHandler();
        try (ByteSource src = ByteSource.open(img)) {
            Match m = h.identify(src, 0).orElseThrow();
            assertThat(m.info()).containsEntry("version", "4.0");
            h.extract(src, m, sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.escapes).isEmpty();
        Map<String, Entry> expected = ReferenceTree.scan(ref);
        Trees.assertSame(sink.resolved(), expected);
        assertThat(sink.hardlinks).hasSize(2).containsValue(sink.hardlinks.values().iterator().next());
    }
}
