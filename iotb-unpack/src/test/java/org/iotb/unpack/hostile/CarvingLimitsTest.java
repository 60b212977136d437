package org.iotb.unpack.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Carving stays linear: chained zstd or lz4 frames whose block walks all run into one another and never end
 * used to be re-walked from every candidate (quadratic), and the tar behind them was reached only after minutes.
 * The wall clock here is generous; docs/benchmarks.md has the measured times.
 */
class CarvingLimitsTest {
    @TempDir
    Path tmp;

    /** {@code units} copies of {@code unit}, then a tar holding etc/shadow. */
    private Path chainThenTar(String name, byte[] unit, int units) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < units; i++) {
            b.writeBytes(unit);
        }
        b.writeBytes(new byte[(512 - b.size() % 512) % 512]);
        b.writeBytes(new HandMadeArchives.Tar().file("etc/shadow", HandMadeArchives.SHADOW).end());
        Path f = tmp.resolve(name);
        Files.write(f, b.toByteArray());
        return f;
    }

    private void assertTarBehindFound(Path image) {
        UnpackResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new Unpacker().unpack(image, tmp.resolve("out-" + image.getFileName()), UnpackOptions.builder().build()));
        assertThat(r.entries()).as("warnings: %s", r.warnings()).anyMatch(e -> e.path().endsWith("-tar/etc/shadow"));
    }

    @Test
    void chainedZstdFramesThatNeverEnd() throws IOException {
        // magic, frame header (window byte), then a raw block of 6 bytes that covers the next frame's header, so
        // each frame's next block header is the following frame's first: every walk runs to the end of the chain
        byte[] unit = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x00, 0x00, 0x30, 0x00, 0x00};
        assertTarBehindFound(chainThenTar("zstd-chain.bin", unit, 640 * 1024 / unit.length));
    }

    @Test
    void chainedLz4FramesThatNeverEnd() throws IOException {
        // magic, FLG, BD (64 KiB blocks), header checksum, then a block of 7 bytes: the next frame's header
        byte[] unit = {0x04, 0x22, 0x4d, 0x18, 0x40, 0x40, 0x00, 0x07, 0x00, 0x00, 0x00};
        assertTarBehindFound(chainThenTar("lz4-chain.bin", unit, 640 * 1024 / unit.length));
    }
}
