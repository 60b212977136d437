package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.iotb.unpack.manifest.ContainerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arcadyan pattern (00 D5 08 at 0x68) is three bytes: in binaries and compressed data it occurs by chance (a
 * TOTOLINK `tc` binary and a ROS kernel did). Only a restored LZMA stream that decodes, at a file's start, counts.
 */
class ArcadyanNoiseTest {
    @TempDir
    Path tmp;

    @Test
    void thePatternInNoiseIsNoArcadyanImage() throws Exception {
        byte[] b = new byte[64 * 1024];
        new Random(11).nextBytes(b);
        for (int at : new int[] {0, 6327}) { // at the start (restored header plausible, stream not) and inside
            b[at + 0x68] = 0x00;
            b[at + 0x69] = (byte) 0xD5;
            b[at + 0x6A] = 0x08;
            b[at + 0x6B] = 0x00;
        }
        Path f = tmp.resolve("tc");
        Files.write(f, b);
        assertThat(Fixtures.unpack(f, tmp.resolve("out")).containers()).extracting(ContainerRecord::format)
                .doesNotContain("arcadyan");
    }
}
