package org.iotb.unpack.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.tukaani.xz.XZInputStream;
import org.iotb.unpack.io.CorruptImageException;

/**
 * xz streams (squashfs "xz"). mksquashfs never uses a dictionary larger than the block size (at most 1 MiB),
 * so the memory limit keeps a hostile dictionary size from exhausting the heap across the pool's threads.
 */
public final class XzBlocks implements BlockDecompressor {
    private static final int MEMORY_LIMIT_KIB = 8 * 1024;

    @Override
    public int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws IOException {
        // liblzma when loaded; xz-java below is the reference for what it refuses
        int n = NativeLzma.decodeIfPossible(NativeLzma.Format.XZ, null, src, off, len, dst, dstMax,
                MEMORY_LIMIT_KIB * 1024L, false);
        if (n >= 0) {
            return n;
        }
        try {
            return StreamBlocks.drain(new XZInputStream(new ByteArrayInputStream(src, off, len), MEMORY_LIMIT_KIB),
                    dst, dstMax, name());
        } catch (CorruptImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptImageException("xz: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "xz";
    }
}
