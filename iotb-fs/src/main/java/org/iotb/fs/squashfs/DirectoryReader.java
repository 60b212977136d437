package org.iotb.fs.squashfs;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;

/**
 * Reads a directory's listing: runs of entries, each run headed by (count - 1, inode block, base inode
 * number). Entries carry the inode reference, so no inode lookup table is needed.
 */
final class DirectoryReader implements DirectoryParser {
    /** A listing larger than this is hostile (real directories with 100k entries stay far below). */
    private static final long MAX_LISTING = 32L * 1024 * 1024;

    record Entry(String name, long inodeRef, int type) {
    }

    private final MetadataTable table;
    private final long tableStart;

    DirectoryReader(MetadataTable table, long tableStart) {
        this.table = table;
        this.tableStart = tableStart;
    }

    @Override
    public List<Entry> list(Inode dir) throws IOException {
        // The stored size counts 3 bytes for the implicit "." and ".." entries.
        long size = dir.dirSize() - 3;
        if (size <= 0) {
            return List.of();
        }
        if (size > MAX_LISTING) {
            throw new CorruptImageException("directory listing of " + size + " bytes");
        }
        if (dir.dirOffset() >= MetadataTable.BLOCK) {
            throw new CorruptImageException("directory offset " + dir.dirOffset() + " beyond a metadata block");
        }
        byte[] b = table.at(tableStart + dir.dirStartBlock(), dir.dirOffset()).bytes((int) size);
        ByteOrder o = table.order();
        List<Entry> out = new ArrayList<>();
        int p = 0;
        while (p + 12 <= b.length) {
            long count = Bytes.u32(b, p, o) + 1;
            long block = Bytes.u32(b, p + 4, o);
            p += 12;
            if (count > 256) {
                throw new CorruptImageException("directory run of " + count + " entries (max 256)");
            }
            for (long i = 0; i < count; i++) {
                int offset = Bytes.u16(b, p, o);
                int type = Bytes.u16(b, p + 4, o);
                int nameLen = Bytes.u16(b, p + 6, o) + 1;
                Bytes.check(b, p + 8, nameLen);
                String name = Names.decode(b, p + 8, nameLen);
                p += 8 + nameLen;
                out.add(new Entry(name, block << 16 | offset, type));
            }
        }
        return out;
    }
}
