package org.iotb.unpack.formats;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** LZ4 frame format: identify walks the frame's blocks to its end mark, so the length is known. */
public final class Lz4Handler implements FormatHandler {

    @Override
    public String id() {
        return "lz4";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x04, 0x22, 0x4d, 0x18));
    }

    static long frameLength(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 7)) {
            return -1;
        }
        byte[] d = s.bytes(off + 4, 2);
        int flg = d[0] & 0xff;
        int bd = d[1] & 0xff;
        if ((flg >>> 6) != 1 || (flg & 0x02) != 0 || (bd & 0x8f) != 0 || ((bd >>> 4) & 7) < 4) {
            return -1;
        }
        long maxBlock = 1L << (8 + 2 * ((bd >>> 4) & 7));
        boolean blockChecksum = (flg & 0x10) != 0;
        boolean contentSize = (flg & 0x08) != 0;
        boolean contentChecksum = (flg & 0x04) != 0;
        boolean dictId = (flg & 0x01) != 0;
        long pos = off + 6 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1;
        byte[] b = new byte[4];
        // from a block on, the walk depends on the position, the block size limit and the checksum flag only
        DeadEnds.Walk walk = DeadEnds.walk(s, 2);
        long how = ((bd >>> 4) & 3) << 1 | (blockChecksum ? 1 : 0);
        while (true) {
            if (walk.reaches(pos << 3 | how)) {
                return -1;
            }
            if (!Bytes.fits(s, pos, 4)) {
                walk.failed();
                return -1;
            }
            s.readFully(pos, b, 0, 4);
            long size = Bytes.le32(b, 0);
            pos += 4;
            if (size == 0) {
                break;
            }
            size &= 0x7fffffffL;
            if (size > maxBlock) {
                walk.failed();
                return -1;
            }
            pos += size + (blockChecksum ? 4 : 0);
        }
        pos += contentChecksum ? 4 : 0;
        return pos <= s.size() ? pos - off : -1;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        long len = frameLength(s, off);
        if (len <= 0 || !Streams.trial(new FramedLZ4CompressorInputStream(s.stream(off, len)), 1)) {
            return Optional.empty();
        }
        return Streams.match(id(), off, len, "LZ4 frame", Map.of());
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Streams.extractOne(s, m, sink, "data", FramedLZ4CompressorInputStream::new);
    }
}
