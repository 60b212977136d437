package org.iotb.unpack.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small reads come from the window, large ones from the channel: both must give the file's bytes. */
class FileByteSourceTest {
    @Test
    void readsOfEverySizeAndPlaceReturnTheFilesBytesFromTwoThreadsAtOnce(@TempDir Path dir) throws Exception {
        byte[] data = new byte[3 * FileByteSource.WINDOW + 1234];
        new Random(1).nextBytes(data);
        Path f = dir.resolve("image.bin");
        Files.write(f, data);
        try (ByteSource src = ByteSource.open(f)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> check(src, data, 11));
                Future<?> b = pool.submit(() -> check(src, data, 12));
                a.get();
                b.get();
            } finally {
                pool.shutdownNow();
            }
            byte[] tail = new byte[100];
            assertEquals(10, src.read(data.length - 10, tail, 0, 100), "a read past the end stops at the end");
            assertArrayEquals(Arrays.copyOfRange(data, data.length - 10, data.length), Arrays.copyOf(tail, 10));
            assertEquals(-1, src.read(data.length, tail, 0, 1));
        }
    }

    private static Void check(ByteSource src, byte[] data, long seed) throws Exception {
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            int len = r.nextInt(4) == 0 ? 1 + r.nextInt(3 * FileByteSource.SMALL_READ) : 1 + r.nextInt(64);
            int pos = r.nextInt(data.length);
            byte[] got = new byte[len];
            int n = 0;
            while (n < len && pos + n < data.length) {
                int k = src.read(pos + n, got, n, len - n);
                if (k <= 0) {
                    break;
                }
                n += k;
            }
            int want = Math.min(len, data.length - pos);
            assertEquals(want, n);
            assertArrayEquals(Arrays.copyOfRange(data, pos, pos + want), Arrays.copyOf(got, want), "at " + pos);
        }
        return null;
    }
}
