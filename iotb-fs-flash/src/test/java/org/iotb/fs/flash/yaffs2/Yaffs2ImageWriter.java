package org.iotb.fs.flash.yaffs2;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes YAFFS2 chunks (page + spare with packed tags) for tests, following yaffs_obj_hdr and
 * yaffs_packed_tags2 — Debian packages no YAFFS2 image builder. The layout itself is cross-checked against
 * the real sample images in the corpus test.
 */
final class Yaffs2ImageWriter {
    private final int page;
    private final int spare;
    private final int tagsOffset;
    private final ByteOrder order;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Yaffs2ImageWriter(int page, int spare, int tagsOffset, ByteOrder order) {
        this.page = page;
        this.spare = spare;
        this.tagsOffset = tagsOffset;
        this.order = order;
    }

    Yaffs2ImageWriter header(long seq, long obj, int type, long parent, String name, int mode, long size, long equiv,
                             String alias, int rdev) {
        ByteBuffer h = ByteBuffer.allocate(page).order(order);
        Arrays.fill(h.array(), (byte) 0xff);
        h.putInt(0, type).putInt(4, (int) parent).putShort(8, (short) 0xffff);
        byte[] n = Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), 256);
        h.put(10, n);
        h.putInt(268, mode).putInt(272, 0).putInt(276, 0).putInt(280, 1).putInt(284, 1_600_000_000).putInt(288, 1);
        h.putInt(292, (int) size).putInt(296, (int) equiv);
        h.put(300, Arrays.copyOf(alias.getBytes(StandardCharsets.UTF_8), 160));
        h.putInt(460, rdev);
        h.putInt(496, (int) (size >>> 32));
        return chunk(h.array(), seq, obj, 0, 0xffff);
    }

    Yaffs2ImageWriter data(long seq, long obj, long chunkId, byte[] bytes) {
        byte[] p = new byte[page];
        Arrays.fill(p, (byte) 0xff);
        System.arraycopy(bytes, 0, p, 0, bytes.length);
        return chunk(p, seq, obj, chunkId, bytes.length);
    }

    /** A whole file's data chunks. */
    Yaffs2ImageWriter file(long seq, long obj, byte[] content) {
        for (int i = 0, c = 1; i < content.length; i += page, c++) {
            data(seq, obj, c, Arrays.copyOfRange(content, i, Math.min(content.length, i + page)));
        }
        return this;
    }

    Yaffs2ImageWriter erased() {
        byte[] b = new byte[page + spare];
        Arrays.fill(b, (byte) 0xff);
        out.writeBytes(b);
        return this;
    }

    private Yaffs2ImageWriter chunk(byte[] pageBytes, long seq, long obj, long chunkId, int nBytes) {
        ByteBuffer s = ByteBuffer.allocate(spare).order(order);
        Arrays.fill(s.array(), (byte) 0xff);
        s.putInt(tagsOffset, (int) seq).putInt(tagsOffset + 4, (int) obj).putInt(tagsOffset + 8, (int) chunkId)
                .putInt(tagsOffset + 12, nBytes);
        out.writeBytes(pageBytes);
        out.writeBytes(s.array());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
