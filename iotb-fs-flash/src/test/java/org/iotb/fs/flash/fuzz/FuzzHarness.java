package org.iotb.fs.flash.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.iotb.fs.flash.support.RecordingSink;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;

/**
 * Runs one handler over hostile bytes the way the engine would (identify at 0, extract when recognised) and
 * checks the contract: no exception escapes, the run ends in bounded time, nothing is written outside the
 * output directory.
 */
public final class FuzzHarness {
    /** Per-input time bound; the fixtures are small, so anything near this is a hang. */
    static final long MAX_MILLIS = 10_000;
    /** Output bounds that play the engine's limits for hostile size claims. */
    static final long MAX_FILE_BYTES = 8L << 20;
    static final int MAX_CALLS = 20_000;

    private FuzzHarness() {
    }

    public static void run(FormatHandler handler, byte[] data) throws IOException {
        Path out = Files.createTempDirectory("iotb-fuzz-");
        try {
            long t0 = System.nanoTime();
            ByteSource s = ByteSource.of(data);
            Optional<Match> m = handler.identify(s, 0);
            if (m.isPresent()) {
                RecordingSink sink = new RecordingSink(out.resolve("root"), MAX_FILE_BYTES, MAX_CALLS);
                handler.extract(s, m.get(), sink);
                assertThat(sink.escapes).as("paths escaping the output").isEmpty();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("run time of %s on %d bytes", handler.id(), data.length).isLessThan(MAX_MILLIS);
            try (Stream<Path> all = Files.list(out)) {
                // Nothing appears next to the output root (a write that escaped it).
                assertThat(all.map(p -> p.getFileName().toString()).filter(n -> !n.equals("root"))).isEmpty();
            }
        } finally {
            try (Stream<Path> w = Files.walk(out)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
