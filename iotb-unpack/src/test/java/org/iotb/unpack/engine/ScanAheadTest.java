package org.iotb.unpack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.iotb.unpack.carve.MagicScanner;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scans made ahead on the pool are the scans the carving thread would have made, file by file. */
class ScanAheadTest {
    @Test
    void resultsMatchInlineScansInOrderEvenWhenFilesAreSkippedOrVanish(@TempDir Path dir) throws Exception {
        List<FormatHandler> handlers = new ArrayList<>();
        ServiceLoader.load(FormatHandler.class).forEach(handlers::add);
        MagicScanner scanner = new MagicScanner(handlers);
        Random r = new Random(5);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // random bytes with a gzip member planted at a file-specific offset
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
                o.write(("file " + i).getBytes());
            }
            byte[] noise = new byte[1000 + 97 * i];
            r.nextBytes(noise);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(noise, 0, 31 * i);
            all.write(gz.toByteArray());
            all.write(noise);
            Path f = dir.resolve("f" + i);
            Files.write(f, all.toByteArray());
            files.add(f);
        }
        Files.delete(files.get(17)); // gone before its turn: the scan fails, the caller scans inline
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ScanAhead ahead = new ScanAhead(scanner, pool, files, 1000, () -> false)) {
            for (int k = 0; k < files.size(); k++) {
                if (k % 5 == 3) {
                    continue; // recursion may skip a file (depth, loop, empty): later ones still line up
                }
                MagicScanner.Result got = ahead.result(k);
                if (k == 17) {
                    assertNull(got);
                    continue;
                }
                try (ByteSource src = ByteSource.open(files.get(k))) {
                    MagicScanner.Result want = scanner.scan(src, 1000, () -> false);
                    assertEquals(want.candidates(), got.candidates(), "file " + k);
                    long planted = 31L * k;
                    assertTrue(got.candidates().stream().anyMatch(c -> c.offset() == planted),
                            "the planted gzip of file " + k);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aScanPastItsCandidateLimitKeepsAFewPerRegionAndCountsTheRest(@TempDir Path dir) throws IOException {
        List<FormatHandler> handlers = new ArrayList<>();
        ServiceLoader.load(FormatHandler.class).forEach(handlers::add);
        byte[] many = new byte[4096];
        for (int i = 0; i + 2 < many.length; i += 3) {
            many[i] = 0x1f; // gzip's magic and deflate method byte, over and over
            many[i + 1] = (byte) 0x8b;
            many[i + 2] = 0x08;
        }
        Path f = dir.resolve("many");
        Files.write(f, many);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ScanAhead ahead = new ScanAhead(new MagicScanner(handlers), pool, List.of(f), 10, () -> false)) {
            // past the overall limit (10) each handler keeps a few per region; the carving thread reports the rest
            MagicScanner.Result r = ahead.result(0);
            org.junit.jupiter.api.Assertions.assertEquals(MagicScanner.PER_REGION_OVER, r.candidates().size(),
                    "the gzip handler's reduced quota in its only region: " + r);
            org.junit.jupiter.api.Assertions.assertTrue(r.dropped() > 1000);
        } finally {
            pool.shutdownNow();
        }
    }
}
