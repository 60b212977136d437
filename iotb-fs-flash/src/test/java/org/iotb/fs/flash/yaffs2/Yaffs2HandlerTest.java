package org.iotb.fs.flash.yaffs2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.iotb.fs.flash.support.Entry;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Yaffs2HandlerTest {
    static final int FILE = 1;
    static final int SYMLINK = 2;
    static final int DIR = 3;
    static final int HARDLINK = 4;
    static final int SPECIAL = 5;

    @TempDir
    Path tmp;

    static byte[] content(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private RecordingSink extract(byte[] image, String out) throws Exception {
        Yaffs2Handler h = new Yaffs2Handler();
        ByteSource s = ByteSource.of(image);
        Match m = h.identify(s, 0).orElseThrow();
        RecordingSink sink = new RecordingSink(tmp.resolve(out));
        h.extract(s, m, sink);
        return sink;
    }

    @ParameterizedTest(name = "{0}+{1} tags at {2} {3}")
    @CsvSource({"2048, 64, 2, BIG_ENDIAN", "2048, 64, 0, LITTLE_ENDIAN", "512, 16, 0, LITTLE_ENDIAN",
        "512, 16, 0, BIG_ENDIAN", "4096, 128, 2, LITTLE_ENDIAN"})
    void treeOfEveryObjectType(int page, int spare, int tagsOffset, String order) throws Exception {
        ByteOrder bo = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] big = content(5000, 1);
        byte[] small = "root:x:0:0::/root:/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
        Yaffs2ImageWriter w = new Yaffs2ImageWriter(page, spare, tagsOffset, bo);
        w.header(0x1000, 0x101, DIR, 1, "etc", 040755, 0, 0, "", 0)
                .header(0x1000, 0x102, FILE, 0x101, "passwd", 0100600, small.length, 0, "", 0).file(0x1000, 0x102, small)
                .header(0x1000, 0x103, FILE, 1, "multi-chunk.bin", 0100755, big.length, 0, "", 0).file(0x1000, 0x103, big)
                .header(0x1000, 0x104, FILE, 1, "empty", 0100644, 0, 0, "", 0)
                .header(0x1000, 0x105, SYMLINK, 0x101, "link", 0120777, 0, 0, "passwd", 0)
                .header(0x1000, 0x106, HARDLINK, 1, "hard", 0100600, 0, 0x102, "", 0)
                .header(0x1000, 0x107, SPECIAL, 0x101, "console", 020620, 0, 0, "", (5 << 8) | 1)
                .header(0x1000, 0x108, SPECIAL, 0x101, "fifo", 010644, 0, 0, "", 0)
                .erased();
        RecordingSink sink = extract(w.bytes(), "out");
        assertThat(sink.warnings).isEmpty();
        Map<String, Entry> got = sink.snapshot();
        assertThat(got).containsOnlyKeys("etc", "etc/passwd", "multi-chunk.bin", "empty", "etc/link", "hard", "etc/console",
                "etc/fifo");
        assertThat(Files.readAllBytes(tmp.resolve("out/multi-chunk.bin"))).isEqualTo(big);
        // One name holds the bytes, the other is recorded as a hard link to it (which one depends on walk order).
        assertThat(sink.hardlinks()).hasSize(1);
        String holder = sink.hardlinks().values().iterator().next();
        assertThat(Map.of(sink.hardlinks().keySet().iterator().next(), holder)).isIn(
                Map.of("hard", "etc/passwd"), Map.of("etc/passwd", "hard"));
        assertThat(Files.readAllBytes(tmp.resolve("out").resolve(holder))).isEqualTo(small);
        assertThat(got.get("hard")).isEqualTo(got.get("etc/passwd"));
        assertThat(got.get("etc/passwd").mode()).isEqualTo(0600);
        assertThat(got.get("multi-chunk.bin").mode()).isEqualTo(0755);
        assertThat(got.get("etc/link").linkTarget()).isEqualTo("passwd");
        assertThat(got.get("etc/console").device()).isEqualTo("5:1");
        assertThat(got.get("etc/fifo").type()).isEqualTo('p');
        Match m = new Yaffs2Handler().identify(ByteSource.of(w.bytes()), 0).orElseThrow();
        assertThat(m.info()).containsEntry("pageSize", page).containsEntry("tagsOffset", tagsOffset);
        assertThat(m.length()).isEqualTo(w.bytes().length - page - spare); // the trailing erased chunk is not part of it
    }

    @Test
    void newestChunkWinsAndDeletedObjectsDisappear() throws Exception {
        byte[] v1 = content(3000, 2);
        byte[] v2 = "rewritten first page".getBytes(StandardCharsets.US_ASCII);
        Yaffs2ImageWriter w = new Yaffs2ImageWriter(2048, 64, 2, ByteOrder.LITTLE_ENDIAN);
        w.header(0x1000, 0x101, FILE, 1, "old-name", 0100644, v1.length, 0, "", 0).file(0x1000, 0x101, v1)
                .header(0x1000, 0x102, FILE, 1, "doomed", 0100644, 4, 0, "", 0).data(0x1000, 0x102, 1, "gone".getBytes())
                // A later block: chunk 1 of 0x101 rewritten (shorter, then the file truncated), renamed, 0x102 deleted.
                .data(0x1001, 0x101, 1, v2)
                .header(0x1001, 0x101, FILE, 1, "new-name", 0100644, 2048 + 100, 0, "", 0)
                .header(0x1001, 0x102, FILE, 4, "doomed", 0100644, 4, 0, "", 0)
                // An older copy found later in the image must not win against the higher sequence number.
                .header(0x0fff + 1, 0x101, FILE, 1, "stale-name", 0100644, v1.length, 0, "", 0);
        RecordingSink sink = extract(w.bytes(), "rw");
        assertThat(sink.snapshot()).containsOnlyKeys("new-name");
        byte[] got = Files.readAllBytes(tmp.resolve("rw/new-name"));
        assertThat(got).hasSize(2048 + 100);
        assertThat(java.util.Arrays.copyOf(got, v2.length)).isEqualTo(v2);
        assertThat(java.util.Arrays.copyOfRange(got, v2.length, 2048)).containsOnly((byte) 0);
        assertThat(java.util.Arrays.copyOfRange(got, 2048, 2148)).isEqualTo(java.util.Arrays.copyOfRange(v1, 2048, 2148));
    }

    @Test
    void rejectsNonYaffsData() throws Exception {
        Yaffs2Handler h = new Yaffs2Handler();
        assertThat(h.identify(ByteSource.of(new byte[2112 * 4]), 0)).isEmpty();
        byte[] ff = new byte[2112 * 4];
        java.util.Arrays.fill(ff, (byte) 0xff);
        assertThat(h.identify(ByteSource.of(ff), 0)).isEmpty();
        assertThat(h.identify(ByteSource.of(content(2112 * 8, 9)), 0)).isEmpty();
    }
}
