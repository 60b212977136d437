package org.iotb.unpack.codec;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lzo.LzoDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tukaani.xz.LZMAInputStream;

/**
 * Block decoders for nodes whose decoded size is known (the flash file systems: JFFS2, UBIFS). Every call knows the expected output size from the node
 * header, so output buffers are exactly that size (the caller caps it) and a stream that would produce more
 * or less is an error, reported as an {@link IOException}.
 */
public final class KnownSizeBlocks {
    private KnownSizeBlocks() {
    }

    /** Deflate; {@code raw} means no zlib header (UBIFS), otherwise a zlib stream (JFFS2). */
    public static byte[] inflate(byte[] src, int off, int len, int outLen, boolean raw) throws IOException {
        Inflater inf = new Inflater(raw);
        try {
            inf.setInput(src, off, len);
            byte[] out = new byte[outLen];
            int done = 0;
            while (done < outLen) {
                int n = inf.inflate(out, done, outLen - done);
                if (n == 0) {
                    if (inf.finished() || inf.needsInput() || inf.needsDictionary()) {
                        break;
                    }
                }
                done += n;
            }
            if (done != outLen) {
                throw new IOException("deflate data produced " + done + " bytes, expected " + outLen);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    public static byte[] lzo(byte[] src, int off, int len, int outLen) throws IOException {
        byte[] out = new byte[outLen];
        try {
            int n = new LzoDecompressor().decompress(src, off, len, out, 0, outLen);
            if (n != outLen) {
                throw new IOException("LZO data produced " + n + " bytes, expected " + outLen);
            }
            return out;
        } catch (MalformedInputException | IndexOutOfBoundsException e) {
            throw new IOException("corrupt LZO data: " + e.getMessage(), e);
        }
    }

    public static byte[] zstd(byte[] src, int off, int len, int outLen) throws IOException {
        byte[] out = new byte[outLen];
        long n = Zstd.decompressByteArray(out, 0, outLen, src, off, len);
        if (Zstd.isError(n)) {
            throw new IOException("corrupt zstd data: " + Zstd.getErrorName(n));
        }
        if (n != outLen) {
            throw new IOException("zstd data produced " + n + " bytes, expected " + outLen);
        }
        return out;
    }

    /** Raw LZMA with explicit properties and no header (the Linux JFFS2 lzma compressor). */
    public static byte[] lzmaRaw(byte[] src, int off, int len, int outLen, int lc, int lp, int pb, int dictSize)
            throws IOException {
        byte[] out = new byte[outLen];
        // liblzma when loaded, reading the node as .lzma "alone" with its known size; xz-java is the reference
        byte[] header = LzmaHeader.alone(LzmaHeader.props(lc, lp, pb), dictSize, outLen);
        if (NativeLzma.decodeIfPossible(NativeLzma.Format.ALONE, header, src, off, len, out, outLen,
                NativeLzma.aloneMemoryLimit(dictSize), false) == outLen) {
            return out;
        }
        try (LZMAInputStream in = new LZMAInputStream(new ByteArrayInputStream(src, off, len), outLen, lc, lp, pb,
                dictSize, null)) {
            // The size is known from the node; an end marker may or may not follow it.
            in.enableRelaxedEndCondition();
            int done = 0;
            while (done < outLen) {
                int n = in.read(out, done, outLen - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
            if (done != outLen) {
                throw new IOException("LZMA data produced " + done + " bytes, expected " + outLen);
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException("corrupt LZMA data: " + e.getMessage(), e);
        }
    }
}
