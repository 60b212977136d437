package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PFS reader under random mutation: table bytes (counts, names, offsets, sizes) and data flipped, the image
 * cut short. Every run must end within its time bound with a manifest, write only inside its own output folder, and
 * never write more than the file system holds (a PFS entry's data is a range of the input: the output cannot
 * exceed the input's size per entry, whatever the table says).
 */
class PfsFuzzTest {
    static final int MUTANTS = 300;

    @TempDir
    Path tmp;

    @Test
    void mutatedTablesNeverCrashEscapeOrBalloon() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(PfsTest.webPages());
        files.put("cgi\\..\\..\\up.htm", "x".getBytes(StandardCharsets.US_ASCII));
        byte[] seed = PfsTest.pfs(files, 128);
        int tableEnd = 16 + files.size() * 140;
        Random rnd = new Random(20261202);
        UnpackOptions opts = UnpackOptions.builder().timeout(Duration.ofSeconds(10)).maxTotalBytes(16L << 20).build();
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Assertions.assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int m = 0; m < MUTANTS; m++) {
                byte[] b = seed.clone();
                int flips = 1 + rnd.nextInt(6);
                for (int k = 0; k < flips; k++) {
                    // mostly the table, where the reader makes its decisions
                    int at = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(tableEnd);
                    b[at] = (byte) rnd.nextInt(256);
                }
                if (m % 5 == 1) {
                    // a count, an offset or a size set to an extreme value
                    int field = 16 + rnd.nextInt(files.size()) * 140 + 128 + 4 * rnd.nextInt(3);
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(field, rnd.nextBoolean() ? -1 : rnd.nextInt());
                }
                if (m % 7 == 3) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(14, (short) rnd.nextInt(65536));
                }
                if (m % 4 == 2) {
                    b = java.util.Arrays.copyOf(b, 16 + rnd.nextInt(b.length - 16));
                }
                Path img = tmp.resolve("m" + m + ".bin");
                Files.write(img, b);
                Path out = tmp.resolve("out" + m);
                UnpackResult r = new Unpacker().unpack(img, out, opts);
                assertThat(r.manifestFile()).as("mutant %d", m).exists();
                Path real = out.toRealPath();
                long written = 0;
                try (Stream<Path> s = Files.walk(out)) {
                    for (Path p : s.toList()) {
                        assertThat(p.toRealPath(LinkOption.NOFOLLOW_LINKS)).as("mutant %d", m).startsWith(real);
                        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().equals("manifest.json")) {
                            written += Files.size(p);
                        }
                    }
                }
                for (var e : r.entries()) {
                    assertThat(out.resolve(e.path()).normalize()).startsWithRaw(real);
                }
                // each extracted file is a slice of the input, and slices do not overlap (the reader refuses that)
                assertThat(written).as("mutant %d wrote", m).isLessThanOrEqualTo(4L * b.length + 4096);
                Files.delete(img);
            }
            try (Stream<Path> s = Files.list(outside)) {
                assertThat(s).as("nothing written beside the output folders").isEmpty();
            }
            try (Stream<Path> s = Files.list(tmp)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .allMatch(n -> n.startsWith("out") || n.equals("outside"));
            }
        });
    }
}
