package org.iotb.fs.flash.yaffs2;

import java.io.IOException;
import org.iotb.fs.flash.common.Endian;
import org.iotb.unpack.spi.ByteSource;

/**
 * How a YAFFS2 image is laid out: page (chunk) size, spare size, where the packed tags sit in the spare area,
 * and the byte order. None of this is stored in the image, so it is found by trying the common layouts and
 * keeping the one under which the most chunks carry sane tags.
 */
record Yaffs2Geometry(int pageSize, int spareSize, int tagsOffset, Endian endian) {
    private static final int[][] LAYOUTS = {{2048, 64}, {4096, 128}, {512, 16}, {1024, 32}, {8192, 256}};
    private static final int[] TAG_OFFSETS = {0, 2};
    private static final int PROBE_CHUNKS = 64;

    int chunkSize() {
        return pageSize + spareSize;
    }

    static Yaffs2Geometry detect(ByteSource s, long offset) throws IOException {
        Yaffs2Geometry best = null;
        int bestScore = 0;
        for (int[] layout : LAYOUTS) {
            for (int tagsOffset : TAG_OFFSETS) {
                if (tagsOffset + Yaffs2Tags.SIZE > layout[1]) {
                    continue;
                }
                for (Endian e : new Endian[] {Endian.LITTLE, Endian.BIG}) {
                    Yaffs2Geometry g = new Yaffs2Geometry(layout[0], layout[1], tagsOffset, e);
                    int score = g.score(s, offset);
                    if (score > bestScore) {
                        bestScore = score;
                        best = g;
                    }
                }
            }
        }
        return best;
    }

    /** Chunks with sane tags among the first few; 0 unless the first chunk is a valid object header. */
    int score(ByteSource s, long offset) throws IOException {
        if (offset + chunkSize() > s.size()) {
            return 0;
        }
        Yaffs2Tags first = Yaffs2Tags.read(s, offset, this);
        if (first == null || !first.isHeader()) {
            return 0;
        }
        Yaffs2Header h = Yaffs2Header.read(s, offset, this);
        if (h == null) {
            return 0;
        }
        int score = 0;
        for (int i = 0; i < PROBE_CHUNKS && offset + (long) (i + 1) * chunkSize() <= s.size(); i++) {
            Yaffs2Tags t = Yaffs2Tags.read(s, offset + (long) i * chunkSize(), this);
            if (t == null) {
                continue;
            }
            if (t.isHeader() && Yaffs2Header.read(s, offset + (long) i * chunkSize(), this) == null) {
                return score; // a header chunk that does not parse: wrong layout
            }
            score++;
        }
        return score;
    }
}
