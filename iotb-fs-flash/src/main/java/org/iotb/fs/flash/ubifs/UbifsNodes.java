package org.iotb.fs.flash.ubifs;

import java.io.IOException;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Endian;
import org.iotb.unpack.spi.ByteSource;

/** Reads one CRC-checked UBIFS node at a (LEB, offset) address of an image whose LEBs are laid end to end. */
final class UbifsNodes {
    private static final Endian LE = Endian.LITTLE;
    private final ByteSource source;
    private final long base;
    private final long lebSize;

    UbifsNodes(ByteSource source, long base, long lebSize) {
        this.source = source;
        this.base = base;
        this.lebSize = lebSize;
    }

    long lebSize() {
        return lebSize;
    }

    /** Why the last {@link #read} returned null. */
    String lastError;

    /** The node at {@code lnum:offs}, checked; null (and {@link #lastError}) when absent or corrupt. */
    byte[] read(long lnum, long offs, int expectedType) throws IOException {
        if (lnum < 0 || offs < 0 || offs + UbifsFormat.CH_SIZE > lebSize) {
            lastError = "address " + lnum + ":" + offs + " outside the LEB";
            return null;
        }
        long pos = base + lnum * lebSize + offs;
        if (pos + UbifsFormat.CH_SIZE > source.size()) {
            lastError = "address " + lnum + ":" + offs + " beyond the end of the image";
            return null;
        }
        byte[] ch = source.bytes(pos, UbifsFormat.CH_SIZE);
        if (LE.s32(ch, 0) != UbifsFormat.MAGIC) {
            lastError = "no node magic at " + lnum + ":" + offs;
            return null;
        }
        long len = LE.u32(ch, 16);
        int type = LE.u8(ch, 20);
        if (len < UbifsFormat.CH_SIZE || len > UbifsFormat.MAX_NODE || offs + len > lebSize || pos + len > source.size()) {
            lastError = "bad node length " + len + " at " + lnum + ":" + offs;
            return null;
        }
        if (expectedType >= 0 && type != expectedType) {
            lastError = "node at " + lnum + ":" + offs + " has type " + type + ", expected " + expectedType;
            return null;
        }
        byte[] node = source.bytes(pos, (int) len);
        if (Crc32Raw.ubi(node, 8, (int) len - 8) != LE.s32(node, 4)) {
            lastError = "node CRC mismatch at " + lnum + ":" + offs;
            return null;
        }
        return node;
    }

    static int type(byte[] node) {
        return node[20] & 0xff;
    }

    static long sqnum(byte[] node) {
        return LE.u64(node, 8);
    }
}
