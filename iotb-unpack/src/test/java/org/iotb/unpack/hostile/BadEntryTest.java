package org.iotb.unpack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.UnpackResult;
import org.iotb.unpack.Unpacker;
import org.iotb.unpack.manifest.ManifestEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad entry must not hide the rest of its container: each archive puts {@code etc/shadow} after an entry
 * the old engine stopped at, and the shadow file must come out while the bad entry is skipped with a warning.
 */
class BadEntryTest {
    @TempDir
    Path tmp;

    private UnpackResult unpack(String name, byte[] image) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, image);
        return new Unpacker().unpack(f, tmp.resolve("out-" + name), UnpackOptions.builder().build());
    }

    private static void assertShadowExtracted(UnpackResult r) throws IOException {
        ManifestEntry shadow = r.entries().stream().filter(e -> e.path().endsWith("/etc/shadow")).findFirst()
                .orElseThrow(() -> new AssertionError("etc/shadow not extracted; warnings: " + r.warnings()));
        assertThat(Files.readAllBytes(r.pathOf(shadow))).isEqualTo(HandMadeArchives.SHADOW);
    }

    @Test
    void tarPathLongerThan4096BytesIsSkipped() throws IOException {
        String longPath = "d".repeat(200) + "/" + ("x".repeat(200) + "/").repeat(24) + "deep.txt"; // > 5000 bytes
        byte[] tar = new HandMadeArchives.Tar()
                .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n".getBytes(StandardCharsets.US_ASCII))
                .pax(new String[] {"path=" + longPath},
                        HandMadeArchives.Tar.header("deep.txt".getBytes(StandardCharsets.US_ASCII), '0', 4, false),
                        "deep".getBytes(StandardCharsets.US_ASCII))
                .file("etc/shadow", HandMadeArchives.SHADOW)
                .end();
        UnpackResult r = unpack("longpath.tar", tar);
        assertShadowExtracted(r);
        assertThat(r.warnings()).anyMatch(w -> w.contains("skipped") && w.contains("ddddd"));
    }

    @Test
    void cpioEntryOfUnknownTypeIsSkipped() throws IOException {
        byte[] cpio = new HandMadeArchives.Cpio()
                .entry("etc", 040755, new byte[0])
                .entry("etc/weird", 0030644, "what am I".getBytes(StandardCharsets.US_ASCII))
                .entry("etc/shadow", 0100600, HandMadeArchives.SHADOW)
                .end();
        UnpackResult r = unpack("weird.cpio", cpio);
        assertShadowExtracted(r);
        assertThat(r.warnings()).anyMatch(w -> w.contains("etc/weird") && w.contains("skipped"));
    }

    @Test
    void gnuSparseMemberOf8GiBIsSkipped() throws IOException {
        long realSize = 8L << 30;
        byte[] h = HandMadeArchives.Tar.header("sparse.bin".getBytes(StandardCharsets.US_ASCII), 'S', 512, true);
        HandMadeArchives.Tar.put(h, 386, HandMadeArchives.Tar.octal(realSize - 512, 12)); // one data block, at the end
        HandMadeArchives.Tar.put(h, 398, HandMadeArchives.Tar.octal(512, 12));
        HandMadeArchives.Tar.put(h, 483, HandMadeArchives.Tar.octal(realSize, 12));
        byte[] tar = new HandMadeArchives.Tar()
                .block(h, new byte[512])
                .file("etc/shadow", HandMadeArchives.SHADOW)
                .end();
        UnpackResult r = unpack("gnusparse.tar", tar);
        assertShadowExtracted(r);
        assertThat(r.warnings()).anyMatch(w -> w.contains("sparse.bin") && w.contains("skipped"));
    }

    @Test
    void paxSparseMemberOf8GiBIsSkipped() throws IOException {
        long realSize = 8L << 30;
        byte[] map = ("1\n" + (realSize - 512) + "\n512\n").getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[512 + 512];
        System.arraycopy(map, 0, data, 0, map.length);
        byte[] tar = new HandMadeArchives.Tar()
                .pax(new String[] {"GNU.sparse.major=1", "GNU.sparse.minor=0", "GNU.sparse.name=big.img",
                    "GNU.sparse.realsize=" + realSize},
                        HandMadeArchives.Tar.header("GNUSparseFile.0/big.img".getBytes(StandardCharsets.US_ASCII),
                                '0', data.length, false), data)
                .file("etc/shadow", HandMadeArchives.SHADOW)
                .end();
        UnpackResult r = unpack("paxsparse.tar", tar);
        assertShadowExtracted(r);
        assertThat(r.warnings()).anyMatch(w -> w.contains("big.img") && w.contains("skipped"));
    }
}
