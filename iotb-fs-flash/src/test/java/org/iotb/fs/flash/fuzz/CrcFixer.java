package org.iotb.fs.flash.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.iotb.fs.flash.common.Crc32Raw;

/**
 * Recomputes the CRCs of every structure found in a mutated image, so that mutations reach the parsing logic
 * behind the CRC checks instead of being rejected at the first one.
 */
final class CrcFixer {
    private CrcFixer() {
    }

    static void jffs2(byte[] b, ByteOrder order) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(order);
        for (int p = 0; p + 12 <= b.length; p += 4) {
            if ((bb.getShort(p) & 0xffff) != 0x1985) {
                continue;
            }
            bb.putInt(p + 8, Crc32Raw.jffs2(b, p, 8));
            int type = bb.getShort(p + 2) & 0xffff;
            long totlen = bb.getInt(p + 4) & 0xffffffffL;
            if (type == 0xE002 && p + 68 <= b.length) {
                long csize = bb.getInt(p + 48) & 0xffffffffL;
                if (p + 68 + csize <= b.length && csize <= totlen) {
                    bb.putInt(p + 60, Crc32Raw.jffs2(b, p + 68, (int) csize));
                }
                bb.putInt(p + 64, Crc32Raw.jffs2(b, p, 60));
            } else if (type == 0xE001 && p + 40 <= b.length) {
                int nsize = b[p + 28] & 0xff;
                if (p + 40 + nsize <= b.length) {
                    bb.putInt(p + 36, Crc32Raw.jffs2(b, p + 40, nsize));
                }
                bb.putInt(p + 32, Crc32Raw.jffs2(b, p, 32));
            }
        }
    }

    static void ubifs(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 24 <= b.length; p += 8) {
            if (bb.getInt(p) != 0x06101831) {
                continue;
            }
            long len = bb.getInt(p + 16) & 0xffffffffL;
            if (len >= 24 && p + len <= b.length) {
                bb.putInt(p + 4, Crc32Raw.ubi(b, p + 8, (int) len - 8));
            }
        }
    }

    static void ubi(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        for (int p = 0; p + 64 <= b.length; p += 64) {
            int magic = bb.getInt(p);
            if (magic == 0x55424923 || magic == 0x55424921) {
                bb.putInt(p + 60, Crc32Raw.ubi(b, p, 60));
            }
        }
    }
}
