package org.iotb.unpack.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.iotb.unpack.io.CorruptImageException;

/** zlib streams (squashfs "gzip", cramfs). */
public final class ZlibBlocks implements BlockDecompressor {
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    @Override
    public int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws CorruptImageException {
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(src, off, len);
        try {
            int n = 0;
            while (n < dstMax && !inf.finished()) {
                int r = inf.inflate(dst, n, dstMax - n);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new CorruptImageException("zlib: truncated block");
                }
                n += r;
            }
            if (!inf.finished()) {
                throw new CorruptImageException("zlib: block decompresses to more than " + dstMax + " bytes");
            }
            return n;
        } catch (DataFormatException e) {
            throw new CorruptImageException("zlib: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "gzip";
    }
}
