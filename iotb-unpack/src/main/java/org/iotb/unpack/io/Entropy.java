package org.iotb.unpack.io;

import java.io.IOException;
import org.iotb.unpack.spi.ByteSource;

/** Shannon entropy in bits per byte, from byte histograms. */
public final class Entropy {
    private Entropy() {
    }

    public static double of(long[] histogram, long total) {
        if (total <= 0) {
            return 0;
        }
        double h = 0;
        for (long c : histogram) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return h;
    }

    /**
     * Adds the byte counts of {@code buf[0..n)} to {@code hist}. Four interleaved counter arrays break the
     * store-to-load dependency that makes a single array crawl on runs of one byte value (padding).
     */
    public static void count(byte[] buf, int n, long[] hist) {
        int[] c0 = new int[256];
        int[] c1 = new int[256];
        int[] c2 = new int[256];
        int[] c3 = new int[256];
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            c0[buf[i] & 0xff]++;
            c1[buf[i + 1] & 0xff]++;
            c2[buf[i + 2] & 0xff]++;
            c3[buf[i + 3] & 0xff]++;
        }
        for (; i < n; i++) {
            c0[buf[i] & 0xff]++;
        }
        for (int k = 0; k < 256; k++) {
            hist[k] += (long) c0[k] + c1[k] + c2[k] + c3[k];
        }
    }

    /** Histogram of a region, streamed; {@code hist} gets the counts added. */
    public static long histogram(ByteSource s, long pos, long len, long[] hist) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long done = 0;
        while (done < len) {
            int n = s.read(pos + done, buf, 0, (int) Math.min(buf.length, len - done));
            if (n <= 0) {
                break;
            }
            count(buf, n, hist);
            done += n;
        }
        return done;
    }

    public static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
