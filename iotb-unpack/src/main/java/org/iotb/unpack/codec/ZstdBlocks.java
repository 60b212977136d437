package org.iotb.unpack.codec;

import com.github.luben.zstd.Zstd;
import org.iotb.unpack.io.CorruptImageException;

/** zstd frames through zstd-jni. */
public final class ZstdBlocks implements BlockDecompressor {

    @Override
    public int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws CorruptImageException {
        long r;
        try {
            r = Zstd.decompressByteArray(dst, 0, dstMax, src, off, len);
        } catch (RuntimeException e) {
            throw new CorruptImageException("zstd: " + e.getMessage(), e);
        }
        if (Zstd.isError(r)) {
            throw new CorruptImageException("zstd: " + Zstd.getErrorName(r));
        }
        return (int) r;
    }

    @Override
    public String name() {
        return "zstd";
    }
}
