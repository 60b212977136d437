package org.iotb.fs.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.testing.RecordingSink;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Match;

/**
 * One fuzz execution: identify, then extract (also when identify said no, with a forged match, so the
 * extractor's own validation is exercised). The only exceptions tolerated are the reader's controlled
 * {@link CorruptImageException}s; extraction must never name a path outside the output tree.
 */
final class FuzzHarness {
    private static final long MAX_FILE = 4L * 1024 * 1024;

    private FuzzHarness() {
    }

    static void run(FormatHandler handler, byte[] data) {
        ByteSource src = ByteSource.of(data);
        Optional<Match> m;
        try {
            m = handler.identify(src, 0);
        } catch (CorruptImageException e) {
            m = Optional.empty();
        } catch (IOException e) {
            throw new AssertionError("identify threw " + e, e);
        }
        Match match = m.orElse(new Match(handler.id(), 0, data.length, "forged", Map.of()));
        RecordingSink sink = new RecordingSink(Path.of("/nonexistent-fuzz-root"), false, MAX_FILE);
        try {
            handler.extract(src, match, sink);
        } catch (CorruptImageException e) {
            // controlled
        } catch (IOException e) {
            throw new AssertionError("extract threw " + e, e);
        }
        assertThat(sink.escapes).as("paths escaping the output tree").isEmpty();
    }
}
