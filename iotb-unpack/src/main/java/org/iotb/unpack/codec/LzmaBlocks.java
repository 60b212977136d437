package org.iotb.unpack.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.iotb.unpack.io.CorruptImageException;
import org.tukaani.xz.LZMAInputStream;

/**
 * LZMA "alone" blocks. Two layouts exist in the wild: the standard one written by mksquashfs (5 bytes of
 * properties, then the 64-bit uncompressed size) and the vendor one used by OpenWrt-era firmware such as
 * TP-Link's (5 bytes of properties, no size field). The size field tells them apart: a real size is at most
 * the block size, while in the vendor layout those bytes are compressed data and decode to a huge number.
 */
public final class LzmaBlocks implements BlockDecompressor {
    private static final int PROPS = 5;

    @Override
    public int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws IOException {
        if (len < PROPS) {
            throw new CorruptImageException("lzma: block shorter than its header");
        }
        int props = src[off] & 0xff;
        if (props >= 9 * 5 * 5) {
            throw new CorruptImageException("lzma: invalid properties byte " + props);
        }
        long dict = (src[off + 1] & 0xffL) | (src[off + 2] & 0xffL) << 8 | (src[off + 3] & 0xffL) << 16
                | (src[off + 4] & 0xffL) << 24;
        // A dictionary larger than the output can never be referenced; capping it bounds memory.
        int dictSize = (int) Math.max(4096, Math.min(dict, Math.max(4096, dstMax)));
        try {
            if (len >= LzmaHeader.LENGTH) {
                long size = 0;
                for (int i = 0; i < 8; i++) {
                    size |= (src[off + PROPS + i] & 0xffL) << (8 * i);
                }
                if (size == -1 || (size >= 0 && size <= dstMax)) {
                    byte[] header = LzmaHeader.alone(props, dictSize, size);
                    int n = NativeLzma.decodeIfPossible(NativeLzma.Format.ALONE, header, src, off + LzmaHeader.LENGTH,
                            len - LzmaHeader.LENGTH, dst, dstMax, NativeLzma.aloneMemoryLimit(dictSize), false);
                    if (n >= 0) {
                        return n;
                    }
                    LZMAInputStream in = new LZMAInputStream(new ByteArrayInputStream(src, off + LzmaHeader.LENGTH, len - LzmaHeader.LENGTH),
                            size, (byte) props, dictSize);
                    // squashfs-tools writes the size field and also keeps liblzma's end marker
                    in.enableRelaxedEndCondition();
                    return StreamBlocks.drain(in, dst, dstMax, name());
                }
            }
            return rawLzma(src, off, len, props, dictSize, dst, dstMax);
        } catch (CorruptImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptImageException("lzma: " + e.getMessage(), e);
        }
    }

    /**
     * The vendor layout has neither a size nor (usually) an end marker: decoding stops when the input runs
     * out. Decode in small steps so that the bytes produced before the decoder runs dry are kept.
     */
    private int rawLzma(byte[] src, int off, int len, int props, int dictSize, byte[] dst, int dstMax)
            throws IOException {
        // liblzma reads the vendor layout as .lzma "alone" with an unknown size and no end marker
        byte[] header = LzmaHeader.alone(props, dictSize, LzmaHeader.UNKNOWN_SIZE);
        int fast = NativeLzma.decodeIfPossible(NativeLzma.Format.ALONE, header, src, off + PROPS, len - PROPS, dst,
                dstMax, NativeLzma.aloneMemoryLimit(dictSize), true);
        if (fast >= 0) {
            return fast;
        }
        LZMAInputStream in = new LZMAInputStream(new ByteArrayInputStream(src, off + PROPS, len - PROPS), -1,
                (byte) props, dictSize);
        int n = 0;
        try (in) {
            while (n < dstMax) {
                int r;
                try {
                    r = in.read(dst, n, Math.min(512, dstMax - n));
                } catch (java.io.EOFException e) {
                    break;
                }
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException | RuntimeException e) {
            if (n == 0) {
                throw new CorruptImageException("lzma: " + e.getMessage(), e);
            }
        }
        if (n == 0 && dstMax > 0) {
            throw new CorruptImageException("lzma: block decodes to nothing");
        }
        return n;
    }

    /**
     * A third vendor layout, seen in squashfs 2.x/3.x "lzma" builds: no properties header at all, the stream
     * starts with the range coder's first byte (always 0) and uses the LZMA defaults lc=3, lp=0, pb=2.
     */
    public int decompressHeaderless(byte[] src, int off, int len, byte[] dst, int dstMax) throws IOException {
        byte[] withProps = new byte[len + PROPS];
        withProps[0] = 0x5d;
        int dict = Math.max(4096, dstMax);
        for (int i = 0; i < 4; i++) {
            withProps[1 + i] = (byte) (dict >>> (8 * i));
        }
        System.arraycopy(src, off, withProps, PROPS, len);
        try {
            return rawLzma(withProps, 0, withProps.length, 0x5d, dict, dst, dstMax);
        } catch (CorruptImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptImageException("lzma: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "lzma";
    }
}
