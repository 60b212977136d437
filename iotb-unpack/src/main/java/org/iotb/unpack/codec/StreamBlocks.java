package org.iotb.unpack.codec;

import java.io.IOException;
import java.io.InputStream;
import org.iotb.unpack.io.CorruptImageException;

/** Drains a decompressing stream into a bounded buffer; more output than expected is corruption. */
final class StreamBlocks {
    private StreamBlocks() {
    }

    static int drain(InputStream in, byte[] dst, int dstMax, String codec) throws IOException {
        int n = 0;
        try (in) {
            while (n < dstMax) {
                int r = in.read(dst, n, dstMax - n);
                if (r < 0) {
                    return n;
                }
                n += r;
            }
            if (in.read() >= 0) {
                throw new CorruptImageException(codec + ": block decompresses to more than " + dstMax + " bytes");
            }
            return n;
        } catch (CorruptImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptImageException(codec + ": corrupt block (" + e.getMessage() + ")", e);
        }
    }
}
