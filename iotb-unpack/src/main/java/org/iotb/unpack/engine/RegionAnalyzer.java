package org.iotb.unpack.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.iotb.unpack.io.Entropy;
import org.iotb.unpack.manifest.EntropyProfile;
import org.iotb.unpack.manifest.Region;
import org.iotb.unpack.spi.ByteSource;

/** Describes bytes nothing recognised, and the entropy profile of an image. */
final class RegionAnalyzer {
    static final double HIGH_ENTROPY = 7.2;
    static final int MIN_REGION = 16;

    private RegionAnalyzer() {
    }

    static Region describe(ByteSource s, String container, long offset, long length) throws IOException {
        long[] hist = new long[256];
        long n = Entropy.histogram(s, offset, length, hist);
        double e = Entropy.of(hist, n);
        String kind;
        Integer fill = null;
        int distinct = 0;
        int last = -1;
        long printable = 0;
        for (int i = 0; i < 256; i++) {
            if (hist[i] > 0) {
                distinct++;
                last = i;
            }
            if (i >= 0x20 && i < 0x7f || i == '\n' || i == '\r' || i == '\t') {
                printable += hist[i];
            }
        }
        if (distinct == 1) {
            kind = "padding";
            fill = last;
        } else if (e > HIGH_ENTROPY) {
            kind = "high-entropy";
        } else if (n > 0 && printable >= n * 0.95) {
            kind = "text";
        } else {
            kind = "data";
        }
        return new Region(container, offset, length, Entropy.round3(e), kind, fill);
    }

    /** Gaps between {@code covered} intervals (sorted, [start, end)) of at least {@link #MIN_REGION} bytes. */
    static List<long[]> gaps(List<long[]> covered, long size) {
        List<long[]> out = new ArrayList<>();
        long cursor = 0;
        for (long[] c : covered) {
            if (c[0] - cursor >= MIN_REGION) {
                out.add(new long[] {cursor, c[0] - cursor});
            }
            cursor = Math.max(cursor, c[1]);
        }
        if (size - cursor >= MIN_REGION || (covered.isEmpty() && size > 0)) {
            out.add(new long[] {cursor, size - cursor});
        }
        return out;
    }

    static EntropyProfile profile(ByteSource s, int points) throws IOException {
        long size = s.size();
        if (size == 0) {
            return new EntropyProfile(0, List.of());
        }
        long block = Math.max(64, (size + points - 1) / points);
        List<Double> pts = new ArrayList<>();
        byte[] buf = new byte[(int) Math.min(block, 1 << 20)]; // int counters in count() stay below 2^31
        for (long pos = 0; pos < size; pos += block) {
            long len = Math.min(block, size - pos);
            long[] hist = new long[256];
            long done = 0;
            while (done < len) {
                int r = s.read(pos + done, buf, 0, (int) Math.min(buf.length, len - done));
                if (r <= 0) {
                    break;
                }
                Entropy.count(buf, r, hist);
                done += r;
            }
            pts.add(Entropy.round3(Entropy.of(hist, done)));
        }
        return new EntropyProfile(block, pts);
    }
}
