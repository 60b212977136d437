package org.iotb.unpack.codec;

import java.io.IOException;
import java.io.InputStream;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.SingleXZInputStream;

/**
 * Decompressing streams for .xz and .lzma data: liblzma when it is there, xz-java otherwise. Both stop at
 * the end of the first stream and refuse headers that ask for more memory than {@code memLimitKib}.
 */
public final class LzmaStreams {
    private LzmaStreams() {
    }

    public static InputStream xz(InputStream compressed, int memLimitKib) throws IOException {
        if (NativeLzma.available()) {
            return new NativeLzmaInputStream(compressed, NativeLzma.Format.XZ, memLimitKib * 1024L);
        }
        return new SingleXZInputStream(compressed, memLimitKib);
    }

    public static InputStream alone(InputStream compressed, int memLimitKib) throws IOException {
        if (NativeLzma.available()) {
            return new NativeLzmaInputStream(compressed, NativeLzma.Format.ALONE, memLimitKib * 1024L);
        }
        return new LZMAInputStream(compressed, memLimitKib);
    }

    /** Compressed bytes a finished stream used, or -1 when the stream cannot tell (the caller counts). */
    public static long compressedBytesUsed(InputStream decoder) {
        return decoder instanceof NativeLzmaInputStream n ? n.compressedBytesUsed() : -1;
    }
}
