package org.iotb.unpack.formats;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * Zstandard: one frame per match. Identify walks the block headers to the frame's end, so the length is
 * known without decompressing; decoding is pure Java (aircompressor), keeping native code away from hostile
 * input.
 */
public final class ZstdHandler implements FormatHandler {
    static final int MAX_BLOCK = 128 * 1024;

    @Override
    public String id() {
        return "zstd";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x28, 0xb5, 0x2f, 0xfd));
    }

    /** Length of the frame at {@code off}, or -1 when its structure is invalid or truncated. */
    static long frameLength(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 6)) {
            return -1;
        }
        int fhd = Bytes.u8(s, off + 4);
        if ((fhd & 0x08) != 0) {
            return -1;
        }
        int fcsFlag = fhd >>> 6;
        boolean single = (fhd & 0x20) != 0;
        boolean checksum = (fhd & 0x04) != 0;
        int dictFlag = fhd & 3;
        long pos = off + 5;
        if (!single) {
            pos++;
        }
        pos += new int[] {0, 1, 2, 4}[dictFlag];
        pos += fcsFlag == 0 ? (single ? 1 : 0) : new int[] {0, 2, 4, 8}[fcsFlag];
        byte[] bh = new byte[3];
        // from a block header on, the walk depends on the position alone: one that failed once fails again
        DeadEnds.Walk walk = DeadEnds.walk(s, 1);
        for (int blocks = 0; blocks < 1 << 24; blocks++) {
            if (walk.reaches(pos)) {
                return -1;
            }
            if (!Bytes.fits(s, pos, 3)) {
                walk.failed();
                return -1;
            }
            s.readFully(pos, bh, 0, 3);
            int v = (bh[0] & 0xff) | (bh[1] & 0xff) << 8 | (bh[2] & 0xff) << 16;
            boolean last = (v & 1) != 0;
            int type = (v >>> 1) & 3;
            int size = v >>> 3;
            if (type == 3 || size > MAX_BLOCK) {
                walk.failed();
                return -1;
            }
            pos += 3 + (type == 1 ? 1 : size);
            if (pos > s.size()) {
                walk.failed();
                return -1;
            }
            if (last) {
                pos += checksum ? 4 : 0;
                return pos <= s.size() ? pos - off : -1;
            }
        }
        return -1;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        long len = frameLength(s, off);
        if (len <= 0) {
            return Optional.empty();
        }
        if (!Streams.trial(new ZstdInputStream(s.stream(off, len)), 1)) {
            return Optional.empty();
        }
        return Streams.match(id(), off, len, "Zstandard compressed data", Map.of());
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Streams.extractOne(s, m, sink, "data", ZstdInputStream::new);
    }
}
