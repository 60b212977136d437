package org.iotb.fs.squashfs;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;

/**
 * Inodes and directories of squashfs 2.x and 3.x. These versions pack C bit fields, which the compiler of
 * the building machine laid out LSB-first (little-endian images) or MSB-first (big-endian images); every
 * bit field is therefore read as one integer of the image's byte order and split from the matching end.
 * 2.x inodes carry no inode number, so the inode reference stands in for it (hard links still resolve).
 */
final class LegacyReader implements InodeParser, DirectoryParser {
    private static final int MAX_SYMLINK = 65536;
    private static final long MAX_LISTING = 32L * 1024 * 1024;

    private final MetadataTable table;
    private final Geometry g;
    private final boolean le;

    LegacyReader(MetadataTable table, Geometry g) {
        this.table = table;
        this.g = g;
        this.le = g.order() == ByteOrder.LITTLE_ENDIAN;
    }

    /** An unsigned integer of {@code n} bytes (1..8) in the image's byte order. */
    private long uint(byte[] b, int off, int n) throws CorruptImageException {
        Bytes.check(b, off, n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            int shift = le ? 8 * i : 8 * (n - 1 - i);
            v |= (b[off + i] & 0xffL) << shift;
        }
        return v;
    }

    private long uint(MetadataTable.Cursor c, int n) throws IOException {
        return uint(c.bytes(n), 0, n);
    }

    /**
     * Splits a packed field group of {@code bits} total width; {@code widths} lists the fields in declaration
     * order. Little-endian layouts fill from bit 0, big-endian layouts from the top bit.
     */
    private long[] split(long v, int bits, int... widths) {
        long[] out = new long[widths.length];
        int pos = le ? 0 : bits;
        for (int i = 0; i < widths.length; i++) {
            int w = widths[i];
            if (le) {
                out[i] = (v >>> pos) & ((1L << w) - 1);
                pos += w;
            } else {
                pos -= w;
                out[i] = (v >>> pos) & ((1L << w) - 1);
            }
        }
        return out;
    }

    @Override
    public Inode read(long ref) throws IOException {
        int offset = (int) (ref & 0xffff);
        if (offset >= MetadataTable.BLOCK) {
            throw new CorruptImageException("inode reference offset " + offset + " beyond a metadata block");
        }
        MetadataTable.Cursor c = table.at(g.inodeTableStart() + (ref >>> 16), offset);
        long[] base = split(uint(c, 4), 32, 4, 12, 8, 8);
        int type = (int) base[0];
        int mode = (int) base[1];
        long mtime = 0;
        long number = ref;
        if (g.major() == 3) {
            mtime = uint(c, 4);
            number = uint(c, 4);
        }
        return g.major() == 3 ? v3(c, type, mode, mtime, number) : v2(c, type, mode, number);
    }

    private Inode v3(MetadataTable.Cursor c, int type, int mode, long mtime, long number) throws IOException {
        switch (type) {
            case 1: {
                long nlink = uint(c, 4);
                long[] f = split(uint(c, 4), 32, 19, 13);
                long start = uint(c, 4);
                uint(c, 4); // parent
                return dir(mode, mtime, number, nlink, start, (int) f[1], f[0]);
            }
            case 8: {
                long nlink = uint(c, 4);
                long[] f = split(uint(c, 5), 40, 27, 13);
                long start = uint(c, 4);
                return dir(mode, mtime, number, nlink, start, (int) f[1], f[0]);
            }
            case 2: {
                long start = uint(c, 8);
                long frag = uint(c, 4);
                long fragOff = uint(c, 4);
                long size = uint(c, 4);
                return file(mode, mtime, number, 1, start, frag, fragOff, size, c);
            }
            case 9: {
                long nlink = uint(c, 4);
                long start = uint(c, 8);
                long frag = uint(c, 4);
                long fragOff = uint(c, 4);
                long size = uint(c, 8);
                return file(mode, mtime, number, nlink, start, frag, fragOff, size, c);
            }
            case 3: {
                long nlink = uint(c, 4);
                return symlink(mode, mtime, number, nlink, (int) uint(c, 2), c);
            }
            case 4, 5: {
                long nlink = uint(c, 4);
                return device(type, mode, mtime, number, nlink, uint(c, 2));
            }
            case 6, 7: {
                long nlink = uint(c, 4);
                return ipc(type, mode, mtime, number, nlink);
            }
            default:
                throw new CorruptImageException("unknown inode type " + type);
        }
    }

    private Inode v2(MetadataTable.Cursor c, int type, int mode, long number) throws IOException {
        switch (type) {
            case 1: {
                long[] f = split(uint(c, 4), 32, 19, 13);
                long mtime = uint(c, 4);
                long start = uint(c, 3);
                return dir(mode, mtime, number, 2, start, (int) f[1], f[0]);
            }
            case 8: {
                long[] f = split(uint(c, 5), 40, 27, 13);
                long mtime = uint(c, 4);
                long start = uint(c, 3);
                return dir(mode, mtime, number, 2, start, (int) f[1], f[0]);
            }
            case 2: {
                long mtime = uint(c, 4);
                long start = uint(c, 4);
                long frag = uint(c, 4);
                long fragOff = uint(c, 4);
                long size = uint(c, 4);
                return file(mode, mtime, number, 1, start, frag, fragOff, size, c);
            }
            case 3:
                return symlink(mode, 0, number, 1, (int) uint(c, 2), c);
            case 4, 5:
                return device(type, mode, 0, number, 1, uint(c, 2));
            case 6, 7:
                return ipc(type, mode, 0, number, 1);
            default:
                throw new CorruptImageException("unknown inode type " + type);
        }
    }

    private static Inode dir(int mode, long mtime, long number, long nlink, long start, int off, long size) {
        return new Inode(Inode.Kind.DIRECTORY, mode, 0, 0, mtime, number, nlink, start, off, size, 0, 0, 0, 0, null,
                null, 0, 0);
    }

    private static Inode file(int mode, long mtime, long number, long nlink, long start, long frag, long fragOff,
                              long size, MetadataTable.Cursor c) throws CorruptImageException {
        if (size < 0 || start < 0) {
            throw new CorruptImageException("file size or start out of range");
        }
        return new Inode(Inode.Kind.FILE, mode, 0, 0, mtime, number, nlink, 0, 0, 0, start, frag, fragOff, size, c,
                null, 0, 0);
    }

    private static Inode symlink(int mode, long mtime, long number, long nlink, int len, MetadataTable.Cursor c)
            throws IOException {
        if (len > MAX_SYMLINK) {
            throw new CorruptImageException("symlink target of " + len + " bytes");
        }
        String target = new String(c.bytes(len), StandardCharsets.UTF_8);
        return new Inode(Inode.Kind.SYMLINK, mode, 0, 0, mtime, number, nlink, 0, 0, 0, 0, 0, 0, 0, null, target, 0, 0);
    }

    private static Inode device(int type, int mode, long mtime, long number, long nlink, long rdev) {
        Inode.Kind kind = type == 4 ? Inode.Kind.BLOCK_DEVICE : Inode.Kind.CHAR_DEVICE;
        return new Inode(kind, mode, 0, 0, mtime, number, nlink, 0, 0, 0, 0, 0, 0, 0, null, null,
                (int) ((rdev >>> 8) & 0xff), (int) (rdev & 0xff));
    }

    private static Inode ipc(int type, int mode, long mtime, long number, long nlink) {
        Inode.Kind kind = type == 6 ? Inode.Kind.FIFO : Inode.Kind.SOCKET;
        return new Inode(kind, mode, 0, 0, mtime, number, nlink, 0, 0, 0, 0, 0, 0, 0, null, null, 0, 0);
    }

    @Override
    public List<DirectoryReader.Entry> list(Inode dir) throws IOException {
        // 3.x counts 3 bytes for "." and ".." in the size, as 4.0 does; 2.x stores the plain length
        long size = g.major() == 3 ? dir.dirSize() - 3 : dir.dirSize();
        if (size <= 0) {
            return List.of();
        }
        if (size > MAX_LISTING) {
            throw new CorruptImageException("directory listing of " + size + " bytes");
        }
        if (dir.dirOffset() >= MetadataTable.BLOCK) {
            throw new CorruptImageException("directory offset " + dir.dirOffset() + " beyond a metadata block");
        }
        byte[] b = table.at(g.directoryTableStart() + dir.dirStartBlock(), dir.dirOffset()).bytes((int) size);
        // 3.x header: count:8, start_block:32, inode_number:32 (9 bytes); 2.x: count:8, start_block:24
        int headerSize = g.major() == 3 ? 9 : 4;
        int entrySize = g.major() == 3 ? 5 : 3;
        List<DirectoryReader.Entry> out = new ArrayList<>();
        int p = 0;
        while (p + headerSize <= b.length) {
            long[] h = g.major() == 3 ? split(uint(b, p, 5), 40, 8, 32) : split(uint(b, p, 4), 32, 8, 24);
            long count = h[0] + 1;
            long block = h[1];
            p += headerSize;
            for (long i = 0; i < count; i++) {
                long offset;
                long type;
                int nameLen;
                if (g.major() == 3) {
                    long[] e = split(uint(b, p, 5), 40, 13, 3, 8, 16);
                    offset = e[0];
                    type = e[1];
                    nameLen = (int) e[2] + 1;
                } else {
                    long[] e = split(uint(b, p, 3), 24, 13, 3, 8);
                    offset = e[0];
                    type = e[1];
                    nameLen = (int) e[2] + 1;
                }
                Bytes.check(b, p + entrySize, nameLen);
                String name = Names.decode(b, p + entrySize, nameLen);
                p += entrySize + nameLen;
                out.add(new DirectoryReader.Entry(name, block << 16 | offset, (int) type));
            }
        }
        return out;
    }
}
