package org.iotb.fs.romfs;

import java.io.IOException;
import java.nio.ByteOrder;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;
import org.iotb.unpack.spi.ByteSource;

/**
 * A romfs file header (always big-endian): next-header offset with type in the low 3 bits and the exec flag
 * in bit 3, type-specific info, size, checksum, then a NUL-terminated name padded to 16 bytes, then data.
 */
record RomfsHeader(long offset, long next, int type, boolean exec, long info, long size, String name,
                   long dataOffset) {
    static final int HARDLINK = 0;
    static final int DIRECTORY = 1;
    static final int FILE = 2;
    static final int SYMLINK = 3;
    static final int BLOCK_DEVICE = 4;
    static final int CHAR_DEVICE = 5;
    static final int SOCKET = 6;
    static final int FIFO = 7;
    private static final int MAX_NAME = 4096;

    static RomfsHeader read(ByteSource fs, long offset, long limit) throws IOException {
        if (offset < 16 || (offset & 15) != 0 || offset + 32 > limit) {
            throw new CorruptImageException("file header offset " + offset + " invalid");
        }
        byte[] h = fs.bytes(offset, 16);
        long w0 = Bytes.u32(h, 0, ByteOrder.BIG_ENDIAN);
        long info = Bytes.u32(h, 4, ByteOrder.BIG_ENDIAN);
        long size = Bytes.u32(h, 8, ByteOrder.BIG_ENDIAN);
        // the name: read 16-byte chunks until the NUL
        StringBuilder hex = null;
        byte[] name = new byte[0];
        long p = offset + 16;
        int nameLen = -1;
        while (nameLen < 0) {
            if (p + 16 > limit || name.length >= MAX_NAME) {
                throw new CorruptImageException("unterminated name at " + offset);
            }
            byte[] chunk = fs.bytes(p, 16);
            byte[] grown = java.util.Arrays.copyOf(name, name.length + 16);
            System.arraycopy(chunk, 0, grown, name.length, 16);
            for (int i = 0; i < 16; i++) {
                if (chunk[i] == 0) {
                    nameLen = name.length + i;
                    break;
                }
            }
            name = grown;
            p += 16;
        }
        return new RomfsHeader(offset, w0 & ~15L, (int) (w0 & 7), (w0 & 8) != 0, info, size,
                Names.decode(name, 0, nameLen), p);
    }
}
