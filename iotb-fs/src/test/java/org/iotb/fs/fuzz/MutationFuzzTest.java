package org.iotb.fs.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.iotb.fs.cramfs.CramfsHandler;
import org.iotb.fs.ext.ExtHandler;
import org.iotb.fs.romfs.RomfsHandler;
import org.iotb.fs.squashfs.SquashfsHandler;
import org.iotb.unpack.spi.FormatHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bounded, deterministic mutation fuzzer over the committed seed images (runs in every build, a few
 * seconds): byte flips, interesting 32-bit values, truncation and block copies, each mutant run under a
 * time limit so that a loop or a giant allocation fails the test instead of hanging the build.
 */
class MutationFuzzTest {
    private static final int MUTANTS_PER_SEED = 250;
    private static final int[] INTERESTING = {0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 4096, 0x1000000};

    static Stream<Arguments> seeds() throws IOException, URISyntaxException {
        Path base = Path.of(MutationFuzzTest.class.getResource("ReaderFuzzTestInputs").toURI());
        List<Arguments> out = new ArrayList<>();
        for (String fmt : List.of("squashfs", "cramfs", "romfs", "ext")) {
            try (Stream<Path> files = Files.list(base.resolve(fmt))) {
                files.sorted().forEach(f -> out.add(Arguments.of(fmt, f.getFileName().toString(), f)));
            }
        }
        return out.stream();
    }

    static FormatHandler handler(String fmt) {
        return switch (fmt) {
            case "squashfs" -> new SquashfsHandler();
            case "cramfs" -> new CramfsHandler();
            case "romfs" -> new RomfsHandler();
            default -> new ExtHandler();
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seeds")
    void mutantsAreHandledSafely(String fmt, String name, Path seed) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        FormatHandler h = handler(fmt);
        Random rnd = new Random(name.hashCode());
        FuzzHarness.run(h, original);
        for (int i = 0; i < MUTANTS_PER_SEED; i++) {
            byte[] mutant = mutate(original, rnd);
            int n = i;
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> FuzzHarness.run(h, mutant),
                    () -> fmt + " " + name + " mutant " + n + " timed out");
        }
    }

    static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            // most structure sits in the first and last few KiB (superblocks, tables), so aim there often
            int pos = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 2048))
                    : rnd.nextInt(b.length);
            if (rnd.nextInt(4) == 0) {
                pos = Math.max(0, b.length - 1 - rnd.nextInt(Math.min(b.length, 4096)));
            }
            switch (rnd.nextInt(5)) {
                case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[pos] = (byte) rnd.nextInt(256);
                case 2 -> {
                    int v = INTERESTING[rnd.nextInt(INTERESTING.length)];
                    for (int k = 0; k < 4 && pos + k < b.length; k++) {
                        b[pos + k] = (byte) (rnd.nextBoolean() ? v >>> (8 * k) : v >>> (8 * (3 - k)));
                    }
                }
                case 3 -> {
                    int len = 1 + rnd.nextInt(64);
                    int from = rnd.nextInt(b.length);
                    System.arraycopy(b, from, b, pos, Math.min(len, Math.min(b.length - from, b.length - pos)));
                }
                default -> b = java.util.Arrays.copyOf(b, Math.max(1, pos));
            }
        }
        return b;
    }
}
