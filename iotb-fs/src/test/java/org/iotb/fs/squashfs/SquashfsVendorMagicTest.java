package org.iotb.fs.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.fs.testing.Samples;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.Match;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real vendor images whose squashfs carries a vendor magic instead of {@code hsqs}/{@code sqsh} (offsets and inode
 * counts from ../shared/samples/MANIFEST.md; stock unsquashfs reads none of them, LZMA and magic alike). Every inode
 * the superblock announces must come out (the root directory is not an entry), with no warning, and the busybox
 * inside must be an ELF of the byte order the magic announced.
 */
@Tag("integration")
class SquashfsVendorMagicTest {
    private final SquashfsHandler handler = new SquashfsHandler();
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} ''{2}''")
    @CsvSource({
            // image, offset of the superblock, magic, inodes, regular files, busybox ELF data byte (1 LE, 2 BE)
            "firmware/huawei_hg532e_V100R001C01B020_upgrade_packet.bin, 970489, qshs, 193, 102, 2",
            "firmware/real-extra/ddwrt_rootfs_squashfs3_be_tqsh.fs, 0, tqsh, 576, 352, 2",
            "firmware/real-extra/ddwrt_ubnt_nanostation2_ar2316.bin, 852292, tqsh, 591, 362, 2",
            "firmware/real-extra/ddwrt_v24_mini_generic_broadcom.trx, 923872, hsqt, 530, 296, 1",
            "firmware/real-extra/trident_v7209_mips_uimage_shsq_squashfs.uImage, 1179648, shsq, 695, 487, 1",
    })
    void everyInodeOfAVendorMagicSquashfs(String image, long offset, String magic, int inodes, int files, int elfData)
            throws Exception {
        Path img = Samples.file(image);
        Path out = tmp.resolve("out");
        RecordingSink sink = new RecordingSink(out);
        try (ByteSource src = ByteSource.open(img)) {
            Match m = handler.identify(src, offset)
                    .orElseThrow(() -> new AssertionError("no squashfs at " + offset + " in " + image));
            assertThat(m.info()).containsEntry("magic", magic).containsEntry("inodes", (long) inodes);
            handler.extract(src, m, sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.entries.size() + sink.hardlinks.size()).isEqualTo(inodes - 1);
        assertThat(sink.entries.values().stream().filter(e -> e.type() == 'f').count()).isEqualTo(files);
        byte[] head;
        try (var in = Files.newInputStream(out.resolve("bin/busybox"))) {
            head = in.readNBytes(20);
        }
        assertThat(head).startsWith(0x7f, 'E', 'L', 'F');
        assertThat(head[5]).as("ELF byte order").isEqualTo((byte) elfData);
    }
}
