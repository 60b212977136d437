package org.iotb.fs.squashfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.iotb.unpack.io.CorruptImageException;

/** Decodes squashfs 4.0 inodes (basic and extended forms of every type). */
final class InodeReader implements InodeParser {
    private static final int MAX_SYMLINK = 65536;

    private final MetadataTable table;
    private final long tableStart;

    InodeReader(MetadataTable table, long tableStart) {
        this.table = table;
        this.tableStart = tableStart;
    }

    /** Reads the inode at a reference (block offset relative to the inode table << 16 | offset in block). */
    @Override
    public Inode read(long ref) throws IOException {
        long block = ref >>> 16;
        int offset = (int) (ref & 0xffff);
        if (offset >= MetadataTable.BLOCK) {
            throw new CorruptImageException("inode reference offset " + offset + " beyond a metadata block");
        }
        MetadataTable.Cursor c = table.at(tableStart + block, offset);
        int type = c.u16();
        int mode = c.u16() & 07777;
        int uid = c.u16();
        int gid = c.u16();
        long mtime = c.u32();
        long number = c.u32();
        switch (type) {
            case 1: { // basic directory
                long start = c.u32();
                long nlink = c.u32();
                int size = c.u16();
                int off = c.u16();
                c.u32(); // parent inode
                return dir(mode, uid, gid, mtime, number, nlink, start, off, size);
            }
            case 8: { // extended directory; the index is only a lookup accelerator, skipped
                long nlink = c.u32();
                long size = c.u32();
                long start = c.u32();
                c.u32(); // parent inode
                c.u16(); // index count
                int off = c.u16();
                return dir(mode, uid, gid, mtime, number, nlink, start, off, size);
            }
            case 2: {
                long start = c.u32();
                long frag = c.u32();
                long fragOff = c.u32();
                long size = c.u32();
                return new Inode(Inode.Kind.FILE, mode, uid, gid, mtime, number, 1, 0, 0, 0, start, frag, fragOff, size,
                        c, null, 0, 0);
            }
            case 9: {
                long start = c.u64();
                long size = c.u64();
                c.u64(); // sparse byte count
                long nlink = c.u32();
                long frag = c.u32();
                long fragOff = c.u32();
                c.u32(); // xattr
                if (size < 0 || start < 0) {
                    throw new CorruptImageException("file size or start out of range");
                }
                return new Inode(Inode.Kind.FILE, mode, uid, gid, mtime, number, nlink, 0, 0, 0, start, frag, fragOff,
                        size, c, null, 0, 0);
            }
            case 3:
            case 10: {
                long nlink = c.u32();
                long len = c.u32();
                if (len > MAX_SYMLINK) {
                    throw new CorruptImageException("symlink target of " + len + " bytes");
                }
                String target = new String(c.bytes((int) len), StandardCharsets.UTF_8);
                return new Inode(Inode.Kind.SYMLINK, mode, uid, gid, mtime, number, nlink, 0, 0, 0, 0, 0, 0, 0, null,
                        target, 0, 0);
            }
            case 4, 5, 11, 12: {
                long nlink = c.u32();
                long rdev = c.u32();
                int major = (int) ((rdev >>> 8) & 0xfff);
                int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & 0xfff00));
                Inode.Kind kind = type == 4 || type == 11 ? Inode.Kind.BLOCK_DEVICE : Inode.Kind.CHAR_DEVICE;
                return new Inode(kind, mode, uid, gid, mtime, number, nlink, 0, 0, 0, 0, 0, 0, 0, null, null, major,
                        minor);
            }
            case 6, 7, 13, 14: {
                long nlink = c.u32();
                Inode.Kind kind = type == 6 || type == 13 ? Inode.Kind.FIFO : Inode.Kind.SOCKET;
                return new Inode(kind, mode, uid, gid, mtime, number, nlink, 0, 0, 0, 0, 0, 0, 0, null, null, 0, 0);
            }
            default:
                throw new CorruptImageException("unknown inode type " + type);
        }
    }

    private static Inode dir(int mode, int uid, int gid, long mtime, long number, long nlink, long start, int off,
                             long size) {
        return new Inode(Inode.Kind.DIRECTORY, mode, uid, gid, mtime, number, nlink, start, off, size, 0, 0, 0, 0,
                null, null, 0, 0);
    }
}
