package org.iotb.fs.flash.ubifs;

import java.io.IOException;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Endian;
import org.iotb.unpack.spi.ByteSource;

/** The UBIFS superblock node (LEB 0): geometry and the default compressor. */
record Superblock(long minIo, long lebSize, long lebCnt, int defaultCompr, long fmtVersion, int flags, long logLebs) {
    static final int SIZE = 4096;
    private static final Endian LE = Endian.LITTLE;
    /** Largest LEB size accepted; real NAND LEBs are at most a few hundred KiB. */
    static final long MAX_LEB = 16L << 20;

    /** Parses and validates a superblock at {@code pos}; null when it is not one. */
    static Superblock read(ByteSource s, long pos) throws IOException {
        if (pos < 0 || pos + UbifsFormat.CH_SIZE > s.size()) {
            return null;
        }
        byte[] ch = s.bytes(pos, UbifsFormat.CH_SIZE);
        if (LE.s32(ch, 0) != UbifsFormat.MAGIC || LE.u8(ch, 20) != UbifsFormat.SB_NODE) {
            return null;
        }
        long len = LE.u32(ch, 16);
        if (len < 96 || len > SIZE || pos + len > s.size()) {
            return null;
        }
        byte[] n = s.bytes(pos, (int) len);
        if (Crc32Raw.ubi(n, 8, (int) len - 8) != LE.s32(n, 4)) {
            return null;
        }
        long minIo = LE.u32(n, 32);
        long leb = LE.u32(n, 36);
        long cnt = LE.u32(n, 40);
        if (minIo == 0 || leb < 1024 || leb > MAX_LEB || minIo > leb || cnt < 3) {
            return null;
        }
        return new Superblock(minIo, leb, cnt, LE.u16(n, 84), LE.u32(n, 80), LE.s32(n, 28), LE.u32(n, 56));
    }
}
