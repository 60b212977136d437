package org.iotb.unpack.codec;

import java.io.IOException;
import org.iotb.unpack.io.CorruptImageException;

/**
 * Decompresses one self-contained block (a squashfs/cramfs data or metadata block). Implementations are
 * thread-safe and never write more than {@code dstMax} bytes; hostile input ends in
 * {@link CorruptImageException}.
 */
public interface BlockDecompressor {

    /** Returns the number of bytes written to {@code dst}. */
    int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws IOException;

    String name();
}
