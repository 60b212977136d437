package org.iotb.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic corruption of every fuzz seed (real tool output) run through the whole engine, disk writes
 * included: each run must end with a manifest and everything inside its output directory.
 */
@Tag("integration")
class MutationRobustnessTest {
    static final Path SEEDS = Path.of("src/test/resources/org/iotb/unpack/formats/FormatFuzzTestInputs");
    static final int MUTANTS_PER_SEED = 8;

    @TempDir
    Path tmp;

    @Test
    void corruptedSeedsNeverCrashTheEngine() throws Exception {
        List<Path> seeds;
        try (Stream<Path> s = Files.walk(SEEDS)) {
            seeds = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(seeds).hasSizeGreaterThan(15);
        Random rnd = new Random(20261122);
        UnpackOptions opts = UnpackOptions.builder().timeout(Duration.ofSeconds(20)).maxTotalBytes(64L << 20).build();
        int run = 0;
        for (Path seed : seeds) {
            byte[] orig = Files.readAllBytes(seed);
            for (int m = 0; m < MUTANTS_PER_SEED; m++) {
                byte[] b = orig.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips && b.length > 0; k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                if (m % 3 == 2 && b.length > 2) {
                    b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                }
                Path img = tmp.resolve("m" + run + ".bin");
                Files.write(img, b);
                Path out = tmp.resolve("out" + run++);
                UnpackResult r = new Unpacker().unpack(img, out, opts);
                assertThat(r.manifestFile()).as(seed + " mutant " + m).exists();
                for (var e : r.entries()) {
                    assertThat(out.resolve(e.path()).normalize()).startsWithRaw(out.toRealPath());
                }
            }
        }
    }
}
