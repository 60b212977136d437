package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.iotb.unpack.manifest.ContainerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEAMA images laid out as OpenWrt's firmware-utils `seama` tool writes them (network byte order: magic, reserved,
 * metadata size, image size, MD5 of the image, NUL-separated metadata, image), behind a vendor header.
 */
class SeamaTest {
    @TempDir
    Path tmp;

    private static byte[] seama(byte[] image, String meta, boolean corruptDigest) throws Exception {
        byte[] m = (meta + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] md5 = MessageDigest.getInstance("MD5").digest(image);
        if (corruptDigest) {
            md5[0] ^= 1;
        }
        ByteBuffer b = ByteBuffer.allocate(28 + m.length + image.length);
        b.putInt(0x5EA3A417).putShort((short) 0).putShort((short) m.length).putInt(image.length).put(md5).put(m).put(image);
        return b.array();
    }

    private static byte[] payload() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write("kernel and root file system stand-in\n".getBytes());
        }
        return gz.toByteArray();
    }

    @Test
    void aSeamaImageIsExtractedAndMarkedUnsigned() throws Exception {
        byte[] pre = new byte[512];
        new Random(4).nextBytes(pre);
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        img.write(pre);
        img.write(seama(payload(), "dev=/dev/mtdblock/1\0type=firmware", false));
        Path f = tmp.resolve("dir-8xx.bin");
        Files.write(f, img.toByteArray());

        UnpackResult r = Fixtures.unpack(f, tmp.resolve("out"));

        ContainerRecord c = r.containers().stream().filter(x -> x.format().equals("seama")).findFirst().orElseThrow();
        assertThat(c.offset()).isEqualTo(512);
        assertThat(c.info()).containsEntry("signed", false).containsEntry("md5Valid", true)
                .containsEntry("integrity", "MD5 digest of the image only; no signature");
        assertThat(c.info().get("metadata")).asList().containsExactly("dev=/dev/mtdblock/1", "type=firmware");
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("512-seama/image.bin"));
        assertThat(r.entries()).anyMatch(e -> e.path().endsWith("512-seama/image.bin.extracted/0-gzip/data"));
    }

    @Test
    void aDigestMismatchIsReportedNotHidden() throws Exception {
        Path f = tmp.resolve("bad.bin");
        Files.write(f, seama(payload(), "type=firmware", true));
        UnpackResult r = Fixtures.unpack(f, tmp.resolve("out"));
        assertThat(r.containers()).filteredOn(x -> x.format().equals("seama")).singleElement()
                .satisfies(c -> assertThat(c.info()).containsEntry("md5Valid", false));
    }

    @Test
    void aMagicWithoutDigestOrTextIsNoSeama() throws Exception {
        byte[] b = seama(payload(), "x", true);
        b[28] = 1; // metadata no longer text, digest wrong
        Path f = tmp.resolve("noise.bin");
        Files.write(f, b);
        assertThat(Fixtures.unpack(f, tmp.resolve("out")).containers()).extracting(ContainerRecord::format)
                .doesNotContain("seama");
    }
}
