package org.iotb.unpack.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.iotb.unpack.carve.MagicScanner;
import org.iotb.unpack.spi.ByteSource;

/**
 * Magic scans of the files a container just produced, run on a pool a few files ahead of the (single) thread
 * that identifies and extracts them in order. Reading and scanning every byte of every extracted file is most
 * of the recursion's work on a root file system; the order of the results, and so the manifest, is unchanged.
 * At most {@link #WINDOW} scans are pending, which bounds the memory their candidate lists hold.
 */
final class ScanAhead implements AutoCloseable {
    static final int WINDOW = 8;

    private final MagicScanner scanner;
    private final ExecutorService pool;
    private final List<Path> files;
    private final int maxCandidates;
    private final BooleanSupplier stop;
    @SuppressWarnings("unchecked")
    private final Future<MagicScanner.Result>[] pending = new Future[WINDOW];
    private int submitted;

    ScanAhead(MagicScanner scanner, ExecutorService pool, List<Path> files, int maxCandidates, BooleanSupplier stop) {
        this.scanner = scanner;
        this.pool = pool;
        this.files = files;
        this.maxCandidates = maxCandidates;
        this.stop = stop;
    }

    /**
     * The scan of file {@code k}; files must be asked for in increasing order. Null when the scan failed or
     * was cut short by the budget: the caller then scans inline and meets the same error or stop itself.
     */
    MagicScanner.Result result(int k) {
        while (submitted < files.size() && submitted < k + WINDOW) {
            Path f = files.get(submitted);
            pending[submitted % WINDOW] = pool.submit(() -> scan(f));
            submitted++;
        }
        Future<MagicScanner.Result> f = pending[k % WINDOW];
        pending[k % WINDOW] = null;
        if (f == null) {
            return null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private MagicScanner.Result scan(Path file) throws IOException {
        try (ByteSource src = ByteSource.open(file)) {
            MagicScanner.Result r = scanner.scan(src, maxCandidates, stop);
            return r.capped() ? null : r;
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < WINDOW; i++) {
            if (pending[i] != null) {
                pending[i].cancel(true);
                pending[i] = null;
            }
        }
    }
}
