package org.iotb.unpack.codec;

import java.io.IOException;

/**
 * For squashfs 2.x/3.x, whose superblock names no compressor: zlib when the block starts with a valid zlib
 * header (CMF method 8, header checksum divisible by 31), LZMA otherwise (vendor builds, with or without
 * the 5-byte properties header).
 */
public final class SniffingBlocks implements BlockDecompressor {
    private final ZlibBlocks zlib = new ZlibBlocks();
    private final LzmaBlocks lzma = new LzmaBlocks();

    public static boolean looksLikeZlib(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int cmf = b[off] & 0xff;
        int flg = b[off + 1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >>> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    @Override
    public int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws IOException {
        if (looksLikeZlib(src, off, len)) {
            return zlib.decompress(src, off, len, dst, dstMax);
        }
        if (len > 0 && src[off] == 0) {
            // a range-coded stream always starts with 0; a properties byte of 0 (lc=lp=pb=0) is never used
            return lzma.decompressHeaderless(src, off, len, dst, dstMax);
        }
        return lzma.decompress(src, off, len, dst, dstMax);
    }

    @Override
    public String name() {
        return "zlib-or-lzma";
    }
}
