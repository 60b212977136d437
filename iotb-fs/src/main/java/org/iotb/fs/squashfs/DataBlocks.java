package org.iotb.fs.squashfs;

import java.io.IOException;
import java.util.Arrays;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.spi.ByteSource;

/** Reads one data or fragment block given its stored size word (bit 24 = stored uncompressed). */
final class DataBlocks {
    static final long UNCOMPRESSED = 1L << 24;

    private DataBlocks() {
    }

    static byte[] readBlock(ByteSource fs, Geometry sb, BlockDecompressor codec, long start, long sizeWord,
                            int maxOut) throws IOException {
        long stored = sizeWord & (UNCOMPRESSED - 1);
        boolean raw = (sizeWord & UNCOMPRESSED) != 0;
        if (stored == 0 || stored > sb.blockSize() || start < 0 || start + stored > sb.bytesUsed()) {
            throw new CorruptImageException("data block at " + start + " of " + stored + " bytes outside the image");
        }
        byte[] in = fs.bytes(start, (int) stored);
        if (raw) {
            return in;
        }
        byte[] out = new byte[maxOut];
        int n = codec.decompress(in, 0, in.length, out, maxOut);
        return n == maxOut ? out : Arrays.copyOf(out, n);
    }
}
