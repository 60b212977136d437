package org.iotb.fs.flash.ubi;

import java.io.IOException;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Endian;
import org.iotb.unpack.spi.ByteSource;

/** The two per-eraseblock headers of UBI (linux/drivers/mtd/ubi/ubi-media.h), big-endian, CRC-checked. */
final class UbiHeaders {
    static final int EC_MAGIC = 0x55424923;   // "UBI#"
    static final int VID_MAGIC = 0x55424921;  // "UBI!"
    static final int HDR_SIZE = 64;
    /** First internal volume id (UBI_INTERNAL_VOL_START): the layout volume; fastmap uses the next ones. */
    static final long LAYOUT_VOLUME_ID = 0x7FFFEFFFL;
    static final int VOL_DYNAMIC = 1;
    static final int VOL_STATIC = 2;
    private static final Endian BE = Endian.BIG;

    record Ec(long ec, long vidOffset, long dataOffset, long imageSeq) {
    }

    record Vid(int volType, int copyFlag, long volId, long lnum, long dataSize, long usedEbs, long dataPad,
               int dataCrc, long sqnum) {
    }

    private UbiHeaders() {
    }

    /** The erase-counter header at {@code pos}, or null when absent or its CRC fails. */
    static Ec ec(ByteSource s, long pos) throws IOException {
        byte[] h = header(s, pos, EC_MAGIC);
        if (h == null) {
            return null;
        }
        long vid = BE.u32(h, 16);
        long data = BE.u32(h, 20);
        if (vid < HDR_SIZE || data < vid + HDR_SIZE) {
            return null;
        }
        return new Ec(BE.u64(h, 8), vid, data, BE.u32(h, 24));
    }

    /** The volume-identifier header at {@code pos}, or null when absent or its CRC fails. */
    static Vid vid(ByteSource s, long pos) throws IOException {
        byte[] h = header(s, pos, VID_MAGIC);
        if (h == null) {
            return null;
        }
        return new Vid(BE.u8(h, 5), BE.u8(h, 6), BE.u32(h, 8), BE.u32(h, 12), BE.u32(h, 20), BE.u32(h, 24),
                BE.u32(h, 28), BE.s32(h, 32), BE.u64(h, 40));
    }

    private static byte[] header(ByteSource s, long pos, int magic) throws IOException {
        if (pos < 0 || pos + HDR_SIZE > s.size()) {
            return null;
        }
        byte[] h = s.bytes(pos, HDR_SIZE);
        if (BE.s32(h, 0) != magic || Crc32Raw.ubi(h, 0, 60) != BE.s32(h, 60)) {
            return null;
        }
        return h;
    }
}
