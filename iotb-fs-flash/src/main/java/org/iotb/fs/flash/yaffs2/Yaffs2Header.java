package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.iotb.fs.flash.common.Endian;
import org.iotb.unpack.spi.ByteSource;

/** A YAFFS2 object header (struct yaffs_obj_hdr) from the data area of a header chunk. */
record Yaffs2Header(int type, long parent, String name, int mode, long mtime, long size, long equivId, String alias,
                    long rdev) {
    static final int FILE = 1;
    static final int SYMLINK = 2;
    static final int DIRECTORY = 3;
    static final int HARDLINK = 4;
    static final int SPECIAL = 5;
    static final int SIZE = 512;

    /** Parses the header in the chunk at {@code chunkPos}; null when it is not a plausible header. */
    static Yaffs2Header read(ByteSource s, long chunkPos, Yaffs2Geometry g) throws IOException {
        int len = Math.min(SIZE, g.pageSize());
        if (chunkPos + len > s.size() || len < 464) {
            return null;
        }
        byte[] b = s.bytes(chunkPos, len);
        Endian e = g.endian();
        long type = e.u32(b, 0);
        long parent = e.u32(b, 4);
        if (type < FILE || type > SPECIAL || parent == 0 || parent >= Yaffs2Tags.MAX_OBJ_ID) {
            return null;
        }
        String name = cString(b, 10, 256);
        String alias = cString(b, 300, 160);
        if (name == null || (alias == null && type == SYMLINK)) {
            return null;
        }
        long low = e.u32(b, 292);
        long high = len >= 500 ? e.u32(b, 496) : 0;
        long size = high == 0xFFFFFFFFL ? low : (high << 32) | low;
        return new Yaffs2Header((int) type, parent, name, e.s32(b, 268), e.u32(b, 284), size, e.u32(b, 296), alias == null ? "" : alias,
                e.u32(b, 460));
    }

    /** A NUL-terminated string in a fixed field; null when the field has no terminator. */
    private static String cString(byte[] b, int at, int max) {
        for (int i = 0; i < max; i++) {
            if (b[at + i] == 0) {
                return new String(b, at, i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
