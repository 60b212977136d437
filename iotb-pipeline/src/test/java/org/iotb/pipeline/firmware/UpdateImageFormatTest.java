package org.iotb.pipeline.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.iotb.firmware.UpdateImageFormat;
import org.iotb.pipeline.PipelineListener;
import org.iotb.unpack.UnpackOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update-format fact the firmware checks read: a checksum-only container at the start of the image as given
 * (here a SEAMA image as OpenWrt's firmware-utils {@code seama} writes it: magic, reserved, metadata size, image
 * size, MD5, NUL-separated metadata, image), and nothing for the same container nested behind other data.
 */
class UpdateImageFormatTest {
    @TempDir
    Path tmp;

    static byte[] seama(byte[] image, String meta) throws Exception {
        byte[] m = (meta + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] md5 = MessageDigest.getInstance("MD5").digest(image);
        ByteBuffer b = ByteBuffer.allocate(28 + m.length + image.length);
        b.putInt(0x5EA3A417).putShort((short) 0).putShort((short) m.length).putInt(image.length).put(md5).put(m).put(image);
        return b.array();
    }

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return gz.toByteArray();
    }

    private UpdateImageFormat formatOf(byte[] image, String name) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, image);
        try (FirmwareWorkspace ws = FirmwareWorkspace.open(f, tmp.resolve("w-" + name), UnpackOptions.defaults(),
                PipelineListener.NONE)) {
            return ws.updateImageFormat();
        }
    }

    @Test
    void aSeamaImageAsGivenIsAChecksumOnlyUpdateFormat() throws Exception {
        UpdateImageFormat f = formatOf(seama(gzip("kernel\n"), "dev=/dev/mtdblock/1\0type=firmware"), "dir-860l.seama");
        assertThat(f).isNotNull();
        assertThat(f.format()).isEqualTo("seama");
        assertThat(f.integrity()).isEqualTo("MD5 digest of the image only; no signature");
        assertThat(f.description()).contains("MD5 valid");
    }

    @Test
    void aSeamaNestedBehindOtherDataIsNotTheUpdateFormat() throws Exception {
        byte[] pre = new byte[1024];
        new Random(5).nextBytes(pre);
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        img.write(pre);
        img.write(seama(gzip("kernel\n"), "type=firmware"));
        assertThat(formatOf(img.toByteArray(), "blob.bin")).isNull();
    }

    @Test
    void aPlainGzipHasNoUpdateFormat() throws Exception {
        assertThat(formatOf(gzip("just data\n"), "data.gz")).isNull();
    }
}
