package org.iotb.fs.ext;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.ByteArrayOutputStream;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;

/**
 * ext4 inline data: the first 60 bytes sit in i_block, the rest in the in-inode extended attribute
 * "system.data" (name index 7, name "data").
 */
final class InlineData {
    private static final long XATTR_MAGIC = 0xEA020000L;

    private InlineData() {
    }

    /** The inline bytes, at most {@code size} of them. */
    static byte[] read(ExtInode inode, long size) throws CorruptImageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] ib = inode.iBlock();
        out.write(ib, 0, (int) Math.min(size, ib.length));
        if (size > ib.length) {
            byte[] extra = systemData(inode);
            out.write(extra, 0, (int) Math.min(extra.length, size - ib.length));
        }
        return out.toByteArray();
    }

    /** The "system.data" value, empty when absent. */
    static byte[] systemData(ExtInode inode) throws CorruptImageException {
        byte[] raw = inode.raw();
        int start = 128 + inode.extraIsize();
        if (raw.length <= 128 || start + 4 > raw.length || Bytes.u32(raw, start, LITTLE_ENDIAN) != XATTR_MAGIC) {
            return new byte[0];
        }
        int first = start + 4;
        int p = first;
        while (p + 16 <= raw.length) {
            int nameLen = Bytes.u8(raw, p);
            int index = Bytes.u8(raw, p + 1);
            if (nameLen == 0 && index == 0 && Bytes.u32(raw, p, LITTLE_ENDIAN) == 0) {
                break;
            }
            int valueOff = Bytes.u16(raw, p + 2, LITTLE_ENDIAN);
            long valueSize = Bytes.u32(raw, p + 8, LITTLE_ENDIAN);
            Bytes.check(raw, p + 16, nameLen);
            String name = new String(raw, p + 16, nameLen, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (index == 7 && name.equals("data")) {
                if (valueSize > raw.length) {
                    throw new CorruptImageException("inline data attribute of " + valueSize + " bytes");
                }
                Bytes.check(raw, first + valueOff, (int) valueSize);
                return java.util.Arrays.copyOfRange(raw, first + valueOff, first + valueOff + (int) valueSize);
            }
            p += (16 + nameLen + 3) & ~3;
        }
        return new byte[0];
    }
}
