package org.iotb.unpack.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.iotb.unpack.codec.LzmaStreams;
import org.iotb.unpack.io.CursorStream;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.Match;

/** Shared steps of the single-stream decompressors. */
final class Streams {
    /** Output bytes a trial decode must produce (or reach a clean end) for a match to count. */
    static final int TRIAL_BYTES = 4096;

    private Streams() {
    }

    /** True when the decoder yields {@code want} bytes, or at least one byte and a clean end, without error. */
    static boolean trial(InputStream decoder, int want) {
        byte[] buf = new byte[Math.min(want, 4096)];
        int got = 0;
        try (decoder) {
            while (got < want) {
                int n = decoder.read(buf, 0, Math.min(buf.length, want - got));
                if (n < 0) {
                    return got > 0;
                }
                got += n;
            }
            return true;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return false;
        }
    }

    /** Decodes the stream at the match into one file; reports the consumed length when the decoder finished. */
    static void extractOne(ByteSource s, Match m, ExtractionSink sink, String name, Decoder decoder)
            throws IOException {
        long len = m.length() > 0 ? m.length() : s.size() - m.offset();
        CursorStream cur = new CursorStream(s, m.offset(), len);
        try (InputStream in = decoder.open(cur)) { // closing frees a native decoder's memory at once
            boolean complete = sink.file(name, 0644, 0, in);
            if (complete && m.length() <= 0) {
                // a native decoder reads ahead in chunks and counts what it used; the others stop exactly
                long used = LzmaStreams.compressedBytesUsed(in);
                sink.extent(used >= 0 ? used : cur.position() - m.offset());
            }
        }
    }

    static Optional<Match> match(String format, long offset, long length, String description,
                                 java.util.Map<String, Object> info) {
        return Optional.of(new Match(format, offset, length, description, info));
    }

    @FunctionalInterface
    interface Decoder {
        InputStream open(InputStream compressed) throws IOException;
    }
}
