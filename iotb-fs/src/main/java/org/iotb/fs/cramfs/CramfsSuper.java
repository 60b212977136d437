package org.iotb.fs.cramfs;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/** The cramfs superblock (76 bytes incl. the root inode), validated against the bytes available. */
record CramfsSuper(ByteOrder order, long size, long flags, long files, String name, CramfsInode root) {
    static final int SIZE = 76;
    static final long MAGIC = 0x28cd3d45L;
    static final long FLAG_FSID_V2 = 0x1;
    static final long FLAG_HOLES = 0x100;
    static final long FLAG_WRONG_SIGNATURE = 0x200;
    static final long FLAG_SHIFTED_ROOT = 0x400;
    static final long FLAG_EXT_BLOCK_POINTERS = 0x800;
    private static final long SUPPORTED = 0xff | FLAG_HOLES | FLAG_WRONG_SIGNATURE | FLAG_SHIFTED_ROOT
            | FLAG_EXT_BLOCK_POINTERS;
    private static final byte[] SIGNATURE = "Compressed ROMFS".getBytes(StandardCharsets.US_ASCII);

    static ByteOrder orderOf(byte[] b) throws CorruptImageException {
        if (Bytes.u32(b, 0, ByteOrder.LITTLE_ENDIAN) == MAGIC) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (Bytes.u32(b, 0, ByteOrder.BIG_ENDIAN) == MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    static CramfsSuper parse(byte[] b, long available) throws CorruptImageException {
        ByteOrder order = orderOf(b);
        if (order == null) {
            throw new CorruptImageException("no cramfs magic");
        }
        long size = Bytes.u32(b, 4, order);
        long flags = Bytes.u32(b, 8, order);
        if ((flags & ~SUPPORTED) != 0) {
            throw new CorruptImageException("unsupported cramfs flags 0x" + Long.toHexString(flags));
        }
        if ((flags & FLAG_WRONG_SIGNATURE) == 0 && !java.util.Arrays.equals(b, 16, 32, SIGNATURE, 0, 16)) {
            throw new CorruptImageException("cramfs signature missing");
        }
        if ((flags & FLAG_FSID_V2) != 0 && (size < SIZE || size > available)) {
            throw new CorruptImageException("cramfs size " + size + " outside the " + available + " bytes available");
        }
        long limit = (flags & FLAG_FSID_V2) != 0 ? size : available;
        CramfsInode root = CramfsInode.parse(b, 64, order);
        if (!root.isDirectory()) {
            throw new CorruptImageException("cramfs root is not a directory");
        }
        if (root.offset() != 0 && (root.offset() < SIZE || root.offset() + root.size() > limit)) {
            throw new CorruptImageException("cramfs root directory outside the image");
        }
        int nameEnd = 48;
        while (nameEnd < 64 && b[nameEnd] != 0) {
            nameEnd++;
        }
        String name = new String(b, 48, nameEnd - 48, StandardCharsets.ISO_8859_1);
        return new CramfsSuper(order, (flags & FLAG_FSID_V2) != 0 ? size : -1, flags, Bytes.u32(b, 44, order), name,
                root);
    }
}
