package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import org.iotb.unpack.spi.ByteSource;

/**
 * The packed YAFFS2 tags of one chunk (sequence number, object id, chunk id, byte count), unpacked the way
 * yaffs_unpack_tags2 does: a chunk id with the top bit set marks an object header with extra information.
 */
record Yaffs2Tags(long seq, long objId, long chunkId, long nBytes) {
    static final int SIZE = 16;
    private static final long EXTRA_HEADER_INFO_FLAG = 0x80000000L;
    private static final long OBJ_ID_MASK = 0x0FFFFFFFL;
    /** Far above any real object count; larger ids are garbage. */
    static final long MAX_OBJ_ID = 1L << 24;
    /** Block sequence numbers YAFFS2 hands out (YAFFS_LOWEST/HIGHEST_SEQUENCE_NUMBER). */
    static final long LOWEST_SEQ = 0x1000;
    static final long HIGHEST_SEQ = 0xEFFFFF00L;

    boolean isHeader() {
        return chunkId == 0;
    }

    /** The tags of the chunk at {@code chunkPos}; null for erased or implausible tags. */
    static Yaffs2Tags read(ByteSource s, long chunkPos, Yaffs2Geometry g) throws IOException {
        long at = chunkPos + g.pageSize() + g.tagsOffset();
        if (at + SIZE > s.size()) {
            return null;
        }
        byte[] b = s.bytes(at, SIZE);
        long seq = g.endian().u32(b, 0);
        long obj = g.endian().u32(b, 4);
        long chunk = g.endian().u32(b, 8);
        long n = g.endian().u32(b, 12);
        if (seq < LOWEST_SEQ || seq > HIGHEST_SEQ || obj == 0xFFFFFFFFL) {
            return null; // erased, never written, or not YAFFS2 tags
        }
        if ((chunk & EXTRA_HEADER_INFO_FLAG) != 0) {
            chunk = 0;
            obj &= OBJ_ID_MASK;
        }
        if (chunk == 0) {
            n = 0; // byte count is meaningless for a header; image tools leave 0xFFFF there
        }
        if (obj == 0 || obj >= MAX_OBJ_ID || chunk >= MAX_OBJ_ID || n > g.pageSize()) {
            return null;
        }
        return new Yaffs2Tags(seq, obj, chunk, n);
    }
}
