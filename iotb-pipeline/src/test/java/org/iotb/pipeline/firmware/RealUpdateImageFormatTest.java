package org.iotb.pipeline.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.firmware.UpdateImageFormat;
import org.iotb.pipeline.PipelineListener;
import org.iotb.unpack.UnpackOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update-format fact on real images of ../shared/samples: TRX, legacy uImage and TP-Link's header. */
@Tag("integration")
class RealUpdateImageFormatTest {
    private static final Path SAMPLES = Path.of("../../shared/samples/firmware");

    @TempDir
    Path tmp;

    private UpdateImageFormat formatOf(String rel) throws Exception {
        Path f = SAMPLES.resolve(rel);
        Assumptions.assumeTrue(Files.isRegularFile(f), f.toAbsolutePath() + " absent (needs ../shared/samples); skipped");
        try (FirmwareWorkspace ws = FirmwareWorkspace.open(f, tmp.resolve(f.getFileName().toString()),
                UnpackOptions.defaults(), PipelineListener.NONE)) {
            return ws.updateImageFormat();
        }
    }

    @Test
    void broadcomTrxCarriesACrcOnly() throws Exception {
        UpdateImageFormat f = formatOf("trx_broadcom.img");
        assertThat(f.format()).isEqualTo("trx");
        assertThat(f.integrity()).isEqualTo("CRC32 of the image only; no signature");
    }

    @Test
    void aLegacyUImageCarriesCrcsOnly() throws Exception {
        UpdateImageFormat f = formatOf("uimage_mips_lzma_vendor_header.bin");
        assertThat(f.format()).isEqualTo("uimage");
        assertThat(f.integrity()).startsWith("CRC32 of the header and of the data only");
    }

    @Test
    void tpLinksHeaderCarriesASaltedMd5Only() throws Exception {
        UpdateImageFormat f = formatOf("tplink_tl-wr841n_v10_3.16.9_up_boot.bin");
        assertThat(f.format()).isEqualTo("tplink");
        assertThat(f.description()).contains("TP-LINK Technologies").contains("MD5 valid");
        assertThat(f.integrity()).isEqualTo("MD5 digest with a fixed, public salt only; no signature");
    }

    @Test
    void noUpdateContainerAtTheStartOfAnObfuscatedImage() throws Exception {
        assertThat(formatOf("arcadyan_obfuscated.bin")).isNull();
    }
}
