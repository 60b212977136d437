package org.iotb.fs.flash.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.iotb.fs.flash.jffs2.Jffs2Handler;
import org.iotb.fs.flash.support.Entry;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.fs.flash.support.Tools;
import org.iotb.fs.flash.ubi.UbiHandler;
import org.iotb.fs.flash.ubifs.UbifsHandler;
import org.iotb.fs.flash.yaffs2.Yaffs2Handler;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real images from /work/shared/samples (skipped when absent); see its MANIFEST.md for their origin. */
@Tag("integration")
class SampleCorpusTest {
    /** sha256 of filesystems/test.ubifs in the sample MANIFEST; ubi.img carries the same image as volume "rootfs". */
    private static final String TEST_UBIFS_SHA256 = "38b8c42d115148c3b6ee121eb77f77ffa54c3cfbdbbf52fb2c29857076641428";

    @TempDir
    Path tmp;

    private RecordingSink extract(FormatHandler h, Path image, String out) throws Exception {
        try (ByteSource s = ByteSource.open(image)) {
            Match m = h.identify(s, 0).orElseThrow(() -> new AssertionError(h.id() + " did not recognise " + image));
            RecordingSink sink = new RecordingSink(tmp.resolve(out));
            h.extract(s, m, sink);
            assertThat(sink.escapes).isEmpty();
            return sink;
        }
    }

    @Test
    void jffs2BothByteOrdersAndUbifsAgree() throws Exception {
        Map<String, Entry> be = extract(new Jffs2Handler(), Tools.sample("filesystems/jffs2_be.img"), "be").snapshot();
        Map<String, Entry> le = extract(new Jffs2Handler(), Tools.sample("filesystems/jffs2_le.img"), "le").snapshot();
        RecordingSink ubifs = extract(new UbifsHandler(), Tools.sample("filesystems/test.ubifs"), "ubifs");
        assertThat(be).containsOnlyKeys("testfile1", "testfile2", "generic folder", "generic folder/test file 3_.txt");
        assertThat(le).isEqualTo(be);
        assertThat(ubifs.warnings).isEmpty();
        // Three independent decoders (two byte orders, two file systems) must yield the same file contents.
        for (String p : be.keySet()) {
            assertThat(ubifs.snapshot().get(p).sha256()).as(p).isEqualTo(be.get(p).sha256());
            assertThat(ubifs.snapshot().get(p).size()).as(p).isEqualTo(be.get(p).size());
        }
        assertThat(Files.readString(tmp.resolve("be/generic folder/test file 3_.txt"))).isEqualTo("The third test file!");
    }

    @Test
    void yaffs2SamplesOfBothByteOrdersAndTagLayouts() throws Exception {
        Map<String, Entry> jffs2 = extract(new Jffs2Handler(), Tools.sample("filesystems/jffs2_le.img"), "ref").snapshot();
        for (String name : new String[] {"yaffs2_be.img", "yaffs2_le.img"}) {
            RecordingSink y = extract(new Yaffs2Handler(), Tools.sample("filesystems/" + name), name);
            assertThat(y.warnings).isEmpty();
            assertThat(y.snapshot().keySet()).isEqualTo(jffs2.keySet());
            for (String p : jffs2.keySet()) {
                assertThat(y.snapshot().get(p).sha256()).as(name + " " + p).isEqualTo(jffs2.get(p).sha256());
            }
        }
        try (ByteSource s = ByteSource.open(Tools.sample("filesystems/yaffs2_be.img"))) {
            assertThat(new Yaffs2Handler().identify(s, 0).orElseThrow().info())
                    .containsEntry("byteOrder", "big-endian").containsEntry("tagsOffset", 2).containsEntry("pageSize", 2048);
        }
        // binwalk's sample: the yaffs2utils sources, tags at the start of the spare area.
        RecordingSink bw = extract(new Yaffs2Handler(), Tools.sample("filesystems/yaffs2_bw.bin"), "bw");
        assertThat(bw.warnings).isEmpty();
        assertThat(bw.snapshot()).hasSize(13).containsKeys("mkyaffs2image.c", "yaffs_packedtags2.h", "yutilsenv.h");
        String header = Files.readString(tmp.resolve("bw/yaffs_ecc.h"));
        assertThat(header).hasSize(1440).endsWith("#endif\n");
        assertThat(Files.readString(tmp.resolve("bw/yaffs_guts.h"))).hasSize(27266).endsWith("#endif\n");
    }

    @Test
    void ubiSampleHoldsTheUbifsSampleAsAStaticVolume() throws Exception {
        RecordingSink sink = extract(new UbiHandler(), Tools.sample("filesystems/ubi.img"), "ubi");
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.snapshot()).containsOnlyKeys("ubi", "ubi/rootfs.ubifs");
        byte[] vol = Files.readAllBytes(tmp.resolve("ubi/ubi/rootfs.ubifs"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(vol));
        assertThat(sha).isEqualTo(TEST_UBIFS_SHA256);
        try (ByteSource s = ByteSource.open(Tools.sample("filesystems/ubi.img"))) {
            assertThat(new UbiHandler().identify(s, 0).orElseThrow().info()).containsEntry("pebSize", 1024L);
        }
    }

    @Test
    void handlersDoNotClaimEachOthersSamples() throws Exception {
        String[] samples = {"filesystems/jffs2_be.img", "filesystems/ubi.img", "filesystems/test.ubifs",
            "filesystems/romfs.bin", "filesystems/cramfs_le_fe.img", "filesystems/android_sparse.img",
            "filesystems/yaffs2_le.img", "filesystems/squashfs_v2.0_be_broadcom_adsl_rootfs.bin",
            "firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin"};
        FormatHandler[] handlers = {new Jffs2Handler(), new UbiHandler(), new UbifsHandler(), new Yaffs2Handler()};
        for (String sample : samples) {
            Path p = Tools.samples().resolve(sample);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (ByteSource s = ByteSource.open(p)) {
                for (FormatHandler h : handlers) {
                    String marker = switch (h.id()) {
                        case "ubi" -> "ubi.img";
                        default -> h.id();
                    };
                    boolean own = sample.contains(marker);
                    assertThat(h.identify(s, 0).isPresent()).as("%s on %s", h.id(), sample).isEqualTo(own);
                }
            }
        }
    }
}
