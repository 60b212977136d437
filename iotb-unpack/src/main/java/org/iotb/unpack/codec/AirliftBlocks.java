package org.iotb.unpack.codec;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import java.util.function.Supplier;
import org.iotb.unpack.io.CorruptImageException;

/** Raw LZO1X and raw LZ4 blocks through aircompressor's pure-Java decoders. */
public final class AirliftBlocks implements BlockDecompressor {
    private final String name;
    private final Supplier<Decompressor> factory;

    private AirliftBlocks(String name, Supplier<Decompressor> factory) {
        this.name = name;
        this.factory = factory;
    }

    public static AirliftBlocks lzo() {
        return new AirliftBlocks("lzo", LzoDecompressor::new);
    }

    public static AirliftBlocks lz4() {
        return new AirliftBlocks("lz4", Lz4Decompressor::new);
    }

    @Override
    public int decompress(byte[] src, int off, int len, byte[] dst, int dstMax) throws CorruptImageException {
        try {
            return factory.get().decompress(src, off, len, dst, 0, dstMax);
        } catch (RuntimeException e) {
            throw new CorruptImageException(name + ": corrupt block (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
