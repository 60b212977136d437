package org.iotb.fs.flash.ubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.support.Entry;
import org.iotb.fs.flash.support.Images;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.fs.flash.support.SourceTree;
import org.iotb.fs.flash.support.Tools;
import org.iotb.fs.flash.ubifs.UbifsHandler;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UbiHandlerTest {
    @TempDir
    static Path tmp;
    static Path src;
    static Map<String, Entry> expected;
    static byte[] blob;

    @BeforeAll
    static void tree() throws Exception {
        src = tmp.resolve("src");
        SourceTree.generate(src, 11);
        expected = SourceTree.snapshot(src);
        blob = new byte[50_000];
        new Random(3).nextBytes(blob);
        Files.write(tmp.resolve("kernel.bin"), blob);
    }

    /** ubinize an image holding a dynamic UBIFS volume "rootfs" and a static raw volume "kernel". */
    static Path ubinize(String name, String peb, String minIo, String subPage, long leb) throws Exception {
        Path fs = Images.mkfsUbifs(src, tmp.resolve(name + ".ubifs"), "lzo", minIo, Long.toString(leb));
        Path ini = tmp.resolve(name + ".ini");
        Files.writeString(ini, String.join("\n",
                "[kernel]", "mode=ubi", "image=" + tmp.resolve("kernel.bin"), "vol_id=0", "vol_type=static", "vol_name=kernel",
                "[rootfs]", "mode=ubi", "image=" + fs, "vol_id=1", "vol_type=dynamic", "vol_size=12MiB", "vol_name=rootfs",
                "vol_flags=autoresize", ""));
        Path img = tmp.resolve(name + ".ubi");
        Tools.run(List.of(Tools.find("ubinize", "mtd-utils").toString(), "-o", img.toString(), "-p", peb, "-m", minIo,
                "-s", subPage, ini.toString()));
        return img;
    }

    static RecordingSink extract(ByteSource s, Path out) throws Exception {
        UbiHandler h = new UbiHandler();
        Match m = h.identify(s, 0).orElseThrow();
        RecordingSink sink = new RecordingSink(out);
        h.extract(s, m, sink);
        return sink;
    }

    @ParameterizedTest(name = "PEB {0} min-io {1} sub-page {2}")
    @CsvSource({"128KiB, 2048, 512, 129024", "128KiB, 2048, 2048, 126976", "16KiB, 512, 512, 15360", "256KiB, 4096, 4096, 253952"})
    @Tag("integration")
    void volumesAreRebuilt(String peb, String minIo, String subPage, long leb) throws Exception {
        Path img = ubinize("v" + peb + minIo + subPage, peb, minIo, subPage, leb);
        Path out = tmp.resolve("out-" + peb + minIo + subPage);
        try (ByteSource s = ByteSource.open(img)) {
            Match m = new UbiHandler().identify(s, 0).orElseThrow();
            assertThat(m.length()).isEqualTo(Files.size(img));
            assertThat(m.info()).containsEntry("lebSize", leb);
            RecordingSink sink = extract(s, out);
            assertThat(sink.warnings).isEmpty();
            assertThat(sink.snapshot()).containsOnlyKeys("ubi", "ubi/kernel.img", "ubi/rootfs.ubifs");
        }
        assertThat(Files.readAllBytes(out.resolve("ubi/kernel.img"))).isEqualTo(blob);
        byte[] original = Files.readAllBytes(tmp.resolve("v" + peb + minIo + subPage + ".ubifs"));
        byte[] volume = Files.readAllBytes(out.resolve("ubi/rootfs.ubifs"));
        assertThat(Arrays.copyOf(volume, original.length)).isEqualTo(original);
        for (int i = original.length; i < volume.length; i++) {
            assertThat(volume[i]).as("unmapped tail byte %d", i).isEqualTo((byte) 0xff);
        }
        try (ByteSource vs = ByteSource.of(volume)) {
            UbifsHandler u = new UbifsHandler();
            RecordingSink tree = new RecordingSink(out.resolve("tree"));
            u.extract(vs, u.identify(vs, 0).orElseThrow(), tree);
            assertThat(tree.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    @Tag("integration")
    void newerCopyOfALebWinsAndOlderLoses() throws Exception {
        Path img = ubinize("sq", "16KiB", "512", "512", 15360);
        byte[] b = Files.readAllBytes(img);
        int peb = 16 * 1024;
        // Find the PEB holding rootfs LEB 0 and read its headers.
        int holder = -1;
        for (int p = 0; p + peb <= b.length; p += peb) {
            ByteBuffer v = ByteBuffer.wrap(b, p + 512, 64);
            if (v.getInt(p + 512) == 0x55424921 && v.getInt(p + 512 + 8) == 1 && v.getInt(p + 512 + 12) == 0) {
                holder = p;
            }
        }
        assertThat(holder).isNotNegative();
        for (long delta : new long[] {+1000, -1}) {
            byte[] copy = Arrays.copyOfRange(b, holder, holder + peb);
            ByteBuffer vid = ByteBuffer.wrap(copy);
            long sq = vid.getLong(512 + 40);
            vid.putLong(512 + 40, delta > 0 ? sq + delta : 0);
            vid.putInt(512 + 60, Crc32Raw.ubi(copy, 512, 60));
            Arrays.fill(copy, 1024 + 4096, 1024 + 4196, (byte) 0x42); // data area of the copy differs
            byte[] img2 = Arrays.copyOf(b, b.length + peb);
            System.arraycopy(copy, 0, img2, b.length, peb);
            RecordingSink sink = extract(ByteSource.of(img2), tmp.resolve("out-sq" + delta));
            assertThat(sink.snapshot()).as("warnings %s", sink.warnings).containsKey("ubi/rootfs.ubifs");
            byte[] vol = Files.readAllBytes(tmp.resolve("out-sq" + delta).resolve("ubi/rootfs.ubifs"));
            byte[] original = Arrays.copyOfRange(b, holder + 1024 + 4096, holder + 1024 + 4196);
            assertThat(original).doesNotContain((byte) 0x42);
            if (delta > 0) {
                assertThat(Arrays.copyOfRange(vol, 4096, 4196)).containsOnly((byte) 0x42);
            } else {
                assertThat(Arrays.copyOfRange(vol, 4096, 4196)).isEqualTo(original);
            }
            assertThat(sink.warnings).isEmpty();
        }
    }

    @Test
    @Tag("integration")
    void rejectsCorruptEcHeaderAndPlainData() throws Exception {
        Path img = ubinize("bad", "16KiB", "512", "512", 15360);
        byte[] b = Files.readAllBytes(img);
        b[10] ^= 1;
        assertThat(new UbiHandler().identify(ByteSource.of(b), 0)).isEmpty();
        byte[] fake = new byte[65536];
        System.arraycopy("UBI#".getBytes(), 0, fake, 0, 4);
        assertThat(new UbiHandler().identify(ByteSource.of(fake), 0)).isEmpty();
    }

    @Test
    void volumeNamesStayOnePathComponent() {
        assertThat(UbiHandler.safeName("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(UbiHandler.safeName("..")).isEqualTo("volume");
        assertThat(UbiHandler.safeName("rootfs_data")).isEqualTo("rootfs_data");
    }
}
