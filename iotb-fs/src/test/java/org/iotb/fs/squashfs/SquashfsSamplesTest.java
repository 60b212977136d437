package org.iotb.fs.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real images from the shared sample folder (skipped when it is absent). */
@Tag("integration")
class SquashfsSamplesTest {
    private final SquashfsHandler handler = new SquashfsHandler();
    @TempDir
    Path tmp;

    private RecordingSink extract(Path image, long offset) throws Exception {
        RecordingSink sink = new RecordingSink(tmp.resolve("out-" + image.getFileName()));
        try (ByteSource src = ByteSource.open(image)) {
            Match m = handler.identify(src, offset).orElseThrow(() -> new AssertionError("no match in " + image));
            handler.extract(src, m, sink);
        }
        return sink;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip.sqfs", "lz4.sqfs", "lzma.sqfs", "lzo.sqfs", "xz.sqfs", "zstd.sqfs", "avm_le.sqfs4"})
    void variantsMatchUnsquashfs(String name) throws Exception {
        Tools.require("unsquashfs", "squashfs-tools");
        Path img = Samples.file("filesystems/squashfs-variants/" + name);
        RecordingSink sink = extract(img, 0);
        Path ref = tmp.resolve("ref");
        Tools.run("unsquashfs", "-d", ref.toString(), "-no-progress", img.toString());
        assertThat(sink.warnings).isEmpty();
        Trees.assertSame(sink.resolved(), ReferenceTree.scan(ref));
    }

    @Test
    void avmBigEndianReadsLikeItsLittleEndianTwin() throws Exception {
        RecordingSink be = extract(Samples.file("filesystems/squashfs-variants/avm_be.sqfs4"), 0);
        RecordingSink le = extract(Samples.file("filesystems/squashfs-variants/avm_le.sqfs4"), 0);
        assertThat(be.warnings).isEmpty();
        assertThat(be.entries).isNotEmpty();
        Trees.assertSame(be.resolved(), le.resolved(), e -> e);
    }

    @Test
    void tplinkVendorLzmaRootfs() throws Exception {
        Path img = Samples.file("firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        long offset = -1;
        try (ByteSource src = ByteSource.open(img)) {
            byte[] all = Files.readAllBytes(img);
            for (int i = 0; i + 4 <= all.length && offset < 0; i++) {
                if (all[i] == 'h' && all[i + 1] == 's' && all[i + 2] == 'q' && all[i + 3] == 's'
                        && handler.identify(src, i).isPresent()) {
                    offset = i;
                }
            }
        }
        assertThat(offset).as("squashfs found in the TP-Link image").isPositive();
        RecordingSink sink = extract(img, offset);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.entries.size()).isGreaterThan(500);
        Path busybox = tmp.resolve("out-" + img.getFileName()).resolve("bin/busybox");
        byte[] head = Arrays4.head(busybox, 20);
        assertThat(head).startsWith(0x7f, 'E', 'L', 'F');
        assertThat(head[5]).as("big-endian ELF").isEqualTo((byte) 2);
        assertThat(head[19]).as("e_machine MIPS").isEqualTo((byte) 8);
        assertThat(sink.entries).containsKey("etc/passwd").containsKey("lib");
    }

    @Test
    void pathTraversalEntriesAreRefused() throws Exception {
        Path img = Samples.file("malicious/squashfs_pathtraversal.sqfs");
        RecordingSink sink = new RecordingSink(tmp.resolve("trav"));
        try (ByteSource src = ByteSource.open(img)) {
            Optional<Match> m = handler.identify(src, 0);
            if (m.isPresent()) {
                handler.extract(src, m.get(), sink);
            }
        }
        assertThat(sink.escapes).isEmpty();
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("duplicate name"));
        assertThat(sink.entries.keySet()).allSatisfy(p -> assertThat(p).doesNotContain(".."));
    }

    /** Tiny helper kept local: the first bytes of a file. */
    static final class Arrays4 {
        static byte[] head(Path p, int n) throws java.io.IOException {
            try (var in = Files.newInputStream(p)) {
                return in.readNBytes(n);
            }
        }
    }
}
