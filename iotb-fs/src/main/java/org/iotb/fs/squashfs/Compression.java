package org.iotb.fs.squashfs;

import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.codec.AirliftBlocks;
import org.iotb.unpack.codec.BlockDecompressor;
import org.iotb.unpack.codec.LzmaBlocks;
import org.iotb.unpack.codec.XzBlocks;
import org.iotb.unpack.codec.ZlibBlocks;
import org.iotb.unpack.codec.ZstdBlocks;

/** Squashfs compressor ids (superblock field) to block decoders. */
final class Compression {
    private Compression() {
    }

    static String name(int id) {
        return switch (id) {
            case 1 -> "gzip";
            case 2 -> "lzma";
            case 3 -> "lzo";
            case 4 -> "xz";
            case 5 -> "lz4";
            case 6 -> "zstd";
            default -> "unknown(" + id + ")";
        };
    }

    static BlockDecompressor forId(int id) throws CorruptImageException {
        return switch (id) {
            case 1 -> new ZlibBlocks();
            case 2 -> new LzmaBlocks();
            case 3 -> AirliftBlocks.lzo();
            case 4 -> new XzBlocks();
            case 5 -> AirliftBlocks.lz4();
            case 6 -> new ZstdBlocks();
            default -> throw new CorruptImageException("unknown compressor id " + id);
        };
    }
}
