package org.iotb.fs.flash.jffs2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.support.Entry;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.fs.flash.support.SourceTree;
import org.iotb.fs.flash.support.Tools;
import org.iotb.unpack.spi.ByteSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;

/**
 * The Linux jffs2 lzma compressor (raw LZMA, lc=0 lp=0 pb=0, 8 KiB dictionary) is not in Debian's mkfs.jffs2,
 * so its nodes are made here: an uncompressed image from mkfs.jffs2 whose data nodes are re-encoded with
 * those properties (xz-java's raw LZMA encoder) and re-checksummed.
 */
class Jffs2LzmaTest {
    @TempDir
    Path tmp;

    static byte[] lzma(byte[] plain, boolean endMarker) throws Exception {
        LZMA2Options o = new LZMA2Options();
        o.setLcLp(0, 0);
        o.setPb(0);
        o.setDictSize(0x2000);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (LZMAOutputStream out = new LZMAOutputStream(bos, o, endMarker)) {
            out.write(plain);
        }
        return bos.toByteArray();
    }

    @Test
    void codecDecodesRawLzmaWithAndWithoutEndMarker() throws Exception {
        byte[] plain = "jffs2 lzma node payload, repeated. ".repeat(100).getBytes();
        plain = Arrays.copyOf(plain, 4096);
        for (boolean marker : new boolean[] {false, true}) {
            assertThat(Jffs2Codec.decode(Jffs2Format.COMPR_LZMA, lzma(plain, marker), plain.length)).isEqualTo(plain);
        }
    }

    @Test
    @Tag("integration")
    void imageWithLzmaNodesExtractsLikeTheSource() throws Exception {
        Path src = tmp.resolve("src");
        SourceTree.generate(src, 99);
        Map<String, Entry> expected = SourceTree.snapshot(src);
        Path img = tmp.resolve("none.img");
        Tools.run(List.of(Tools.find("mkfs.jffs2", "mtd-utils").toString(), "-r", src.toString(), "-o", img.toString(), "-l",
                "-x", "zlib", "-x", "rtime"));
        byte[] b = Files.readAllBytes(img);
        int converted = recompressAll(b, ByteOrder.LITTLE_ENDIAN);
        assertThat(converted).isGreaterThan(20);
        Jffs2Handler h = new Jffs2Handler();
        ByteSource s = ByteSource.of(b);
        RecordingSink sink = new RecordingSink(tmp.resolve("out"));
        h.extract(s, h.identify(s, 0).orElseThrow(), sink);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(Jffs2Handler.compressorsOf(s, 0, sink)).containsKey("lzma");
    }

    /** Re-encodes every uncompressed data node that shrinks; the freed tail of the node becomes erased flash. */
    static int recompressAll(byte[] b, ByteOrder order) throws Exception {
        ByteBuffer bb = ByteBuffer.wrap(b).order(order);
        int converted = 0;
        int p = 0;
        while (p + 12 <= b.length) {
            if ((bb.getShort(p) & 0xffff) != 0x1985) {
                p += 4;
                continue;
            }
            int type = bb.getShort(p + 2) & 0xffff;
            int totlen = bb.getInt(p + 4);
            if (type == Jffs2Format.INODE && b[p + 56] == Jffs2Format.COMPR_NONE) {
                int dsize = bb.getInt(p + 52);
                byte[] plain = Arrays.copyOfRange(b, p + 68, p + 68 + dsize);
                byte[] packed = lzma(plain, false);
                if (dsize > 0 && packed.length < dsize) {
                    System.arraycopy(packed, 0, b, p + 68, packed.length);
                    Arrays.fill(b, p + 68 + packed.length, p + totlen, (byte) 0xff);
                    bb.putInt(p + 4, 68 + packed.length);
                    bb.putInt(p + 8, Crc32Raw.jffs2(b, p, 8));
                    bb.putInt(p + 48, packed.length);
                    b[p + 56] = (byte) Jffs2Format.COMPR_LZMA;
                    bb.putInt(p + 60, Crc32Raw.jffs2(b, p + 68, packed.length));
                    bb.putInt(p + 64, Crc32Raw.jffs2(b, p, 60));
                    converted++;
                }
            }
            p += (totlen + 3) & ~3;
        }
        return converted;
    }
}
