package org.iotb.fs.flash.ubifs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iotb.fs.flash.support.Entry;
import org.iotb.fs.flash.support.Images;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.fs.flash.support.SourceTree;
import org.iotb.fs.flash.support.Tools;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("integration")
class UbifsHandlerTest {
    @TempDir
    static Path tmp;
    static Path src;
    static Map<String, Entry> expected;

    @BeforeAll
    static void tree() throws Exception {
        src = tmp.resolve("src");
        SourceTree.generate(src, 7);
        expected = SourceTree.snapshot(src);
    }

    static Path build(Path src, Path img, String compr, String minIo, String leb) throws Exception {
        return Images.mkfsUbifs(src, img, compr, minIo, leb);
    }

    static RecordingSink extract(ByteSource s, Path out) throws IOException {
        UbifsHandler h = new UbifsHandler();
        Match m = h.identify(s, 0).orElseThrow();
        RecordingSink sink = new RecordingSink(out);
        h.extract(s, m, sink);
        return sink;
    }

    @ParameterizedTest(name = "{0} min-io {1} LEB {2}")
    @CsvSource({"lzo, 2048, 126976", "zlib, 2048, 126976", "zstd, 512, 15872", "none, 2048, 126976", "favor_lzo, 4096, 253952"})
    void extractedTreeEqualsSource(String compr, String minIo, String leb) throws Exception {
        Path img = build(src, tmp.resolve("img-" + compr), compr, minIo, leb);
        try (ByteSource s = ByteSource.open(img)) {
            RecordingSink sink = extract(s, tmp.resolve("out-" + compr));
            assertThat(sink.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(sink.warnings).isEmpty();
            assertThat(sink.escapes).isEmpty();
            assertThat(sink.hardlinks()).hasSize(1);
            Map<String, Integer> used = UbifsHandler.compressorsOf(s, 0, sink);
            if (compr.equals("favor_lzo")) {
                assertThat(used.keySet()).containsAnyOf("lzo", "zlib");
            } else {
                assertThat(used).containsKey(compr);
            }
            Match m = new UbifsHandler().identify(s, 0).orElseThrow();
            assertThat(m.info()).containsEntry("lebSize", Long.parseLong(leb));
        }
    }

    @Test
    void corruptDataNodeBecomesAHoleWithWarning() throws Exception {
        Path img = build(src, tmp.resolve("img-corrupt"), "none", "2048", "126976");
        byte[] b = Files.readAllBytes(img);
        int at = indexOf(b, "root:x:0:0".getBytes());
        assertThat(at).isPositive();
        b[at] ^= 1;
        RecordingSink sink = extract(ByteSource.of(b), tmp.resolve("out-corrupt"));
        assertThat(sink.warnings).anyMatch(w -> w.contains("CRC mismatch"));
        assertThat(sink.snapshot().get("etc/passwd").sha256()).isNotEqualTo(expected.get("etc/passwd").sha256());
        assertThat(sink.snapshot().get("etc/init.d/rcS")).isEqualTo(expected.get("etc/init.d/rcS"));
    }

    @Test
    void rejectsDataWithoutValidSuperblock() throws Exception {
        Path img = build(src, tmp.resolve("img-sb"), "lzo", "2048", "126976");
        byte[] b = Files.readAllBytes(img);
        b[40] ^= 1; // leb_cnt: superblock CRC now fails
        assertThat(new UbifsHandler().identify(ByteSource.of(b), 0)).isEmpty();
        assertThat(new UbifsHandler().identify(ByteSource.of(new byte[8192]), 0)).isEmpty();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void indexPointingAtItselfIsCutWithAWarning() throws Exception {
        Path img = build(src, tmp.resolve("img-loop"), "lzo", "2048", "126976");
        byte[] b = Files.readAllBytes(img);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int leb = 126976;
        int mst = leb; // mkfs.ubifs writes the master node at LEB 1, offset 0
        assertThat(bb.getInt(mst)).isEqualTo(0x06101831);
        int rootLnum = bb.getInt(mst + 48);
        int rootOffs = bb.getInt(mst + 52);
        int root = rootLnum * leb + rootOffs;
        assertThat(b[root + 20]).isEqualTo((byte) 9); // an index node
        // Make the root claim to be an upper level whose first branch is the root itself.
        bb.putShort(root + 26, (short) Math.max(1, bb.getShort(root + 26)));
        bb.putInt(root + 28, rootLnum).putInt(root + 32, rootOffs);
        int len = bb.getInt(root + 16);
        bb.putInt(root + 4, org.iotb.fs.flash.common.Crc32Raw.ubi(b, root + 8, len - 8));
        RecordingSink sink = extract(ByteSource.of(b), tmp.resolve("out-loop"));
        assertThat(sink.warnings).anyMatch(w -> w.contains("index loop"));
        assertThat(sink.escapes).isEmpty();
    }

    @Test
    void journalReferencesAfterTheLastCommitAreFlagged() throws Exception {
        Path img = build(src, tmp.resolve("img-journal"), "lzo", "2048", "126976");
        byte[] b = Files.readAllBytes(img);
        int leb = 126976;
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int log = 3 * leb;
        assertThat(bb.getInt(log)).isEqualTo(0x06101831);
        assertThat(b[log + 20]).as("mkfs.ubifs starts the log with a commit-start node").isEqualTo((byte) 10);
        long commitSqnum = bb.getLong(log + 8);
        // A reference node after it, as the kernel writes when the journal gets a new bud.
        int ref = log + 2048;
        java.util.Arrays.fill(b, ref, ref + 64, (byte) 0);
        bb.putInt(ref, 0x06101831).putLong(ref + 8, commitSqnum + 1).putInt(ref + 16, 64);
        b[ref + 20] = 8;
        bb.putInt(ref + 24, 20).putInt(ref + 28, 0).putInt(ref + 32, 1);
        bb.putInt(ref + 4, org.iotb.fs.flash.common.Crc32Raw.ubi(b, ref + 8, 56));
        RecordingSink sink = extract(ByteSource.of(b), tmp.resolve("out-journal"));
        assertThat(sink.warnings).anyMatch(w -> w.contains("uncommitted journal"));
        assertThat(sink.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
