package org.iotb.fs.flash.jffs2;

import java.io.IOException;
import org.iotb.fs.flash.common.Crc32Raw;
import org.iotb.fs.flash.common.Endian;
import org.iotb.fs.flash.common.WindowReader;

/**
 * Walks the nodes of a JFFS2 log: 4-byte aligned node headers whose header CRC is checked, erased space
 * (0xFF) and zero fill skipped word by word, anything else counted as junk. A node whose header CRC fails is
 * skipped one word at a time, so that a corrupt length cannot make the walk jump over good nodes.
 */
final class Jffs2Scanner {
    /** Junk gap after which the log is considered finished (larger than any erase block's dirty tail). */
    static final long MAX_JUNK_GAP = 256 * 1024;

    interface Visitor {
        /** {@code header} holds the first 12 bytes; return false to stop. */
        boolean node(long pos, int nodeType, long totlen, byte[] header) throws IOException;
    }

    record Summary(long end, int nodes, int badHeaders, long junkBytes) {
    }

    private Jffs2Scanner() {
    }

    /** Byte order of a node header at {@code pos}, or null when there is no valid header there. */
    static Endian detect(WindowReader r, long pos) throws IOException {
        byte[] h = r.bytes(pos, Jffs2Format.HEADER_SIZE);
        return h == null ? null : detect(h);
    }

    /** The byte order of a valid node header in {@code h} (its first 12 bytes), or null. */
    static Endian detect(byte[] h) {
        for (Endian e : new Endian[] {Endian.BIG, Endian.LITTLE}) {
            if (e.u16(h, 0) == Jffs2Format.MAGIC && headerValid(h, e) && Jffs2Format.isKnownType(e.u16(h, 2))
                    && e.u32(h, 4) >= Jffs2Format.HEADER_SIZE) {
                return e;
            }
        }
        return null;
    }

    static boolean headerValid(byte[] h, Endian e) {
        return (Crc32Raw.jffs2(h, 0, 8) == e.s32(h, 8));
    }

    /**
     * Scans [start, limit) and returns where the log ends: the end of the last valid node, or where a junk gap
     * longer than {@link #MAX_JUNK_GAP} begins.
     */
    static Summary scan(WindowReader r, long start, long limit, Endian e, Visitor v) throws IOException {
        long pos = start;
        long end = start;
        long junkSince = -1;
        int nodes = 0;
        int bad = 0;
        long junk = 0;
        byte[] h = new byte[Jffs2Format.HEADER_SIZE];
        while (pos + 4 <= limit) {
            int b0 = r.u8(pos);
            int b1 = r.u8(pos + 1);
            int word16 = e.isLittle() ? b0 | (b1 << 8) : (b0 << 8) | b1;
            if (word16 == Jffs2Format.MAGIC && pos + Jffs2Format.HEADER_SIZE <= limit) {
                r.read(pos, h, 0, h.length);
                long totlen = e.u32(h, 4);
                if (headerValid(h, e) && totlen >= Jffs2Format.HEADER_SIZE && pos + totlen <= limit) {
                    nodes++;
                    junkSince = -1;
                    if (!v.node(pos, e.u16(h, 2), totlen, h.clone())) {
                        return new Summary(pos, nodes, bad, junk);
                    }
                    pos += (totlen + 3) & ~3L;
                    end = Math.min(pos, limit);
                    continue;
                }
                bad++;
            }
            int b2 = r.u8(pos + 2);
            int b3 = r.u8(pos + 3);
            boolean erased = (b0 & b1 & b2 & b3) == 0xff;
            boolean zero = (b0 | b1 | b2 | b3) == 0;
            if (!erased && !zero) {
                junk += 4;
                if (junkSince < 0) {
                    junkSince = pos;
                } else if (pos - junkSince >= MAX_JUNK_GAP) {
                    break;
                }
            }
            pos += 4;
        }
        return new Summary(end, nodes, bad, junk);
    }
}
