package org.iotb.unpack.formats;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.CursorStream;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * Intel HEX (MCU firmware). Tried at the start of a file only (a lone ':' is no magic); the first records'
 * checksums must hold. Data records become one binary per contiguous address range.
 */
public final class IntelHexHandler implements FormatHandler {
    static final int PROBE_LINES = 4;

    @Override
    public String id() {
        return "ihex";
    }

    @Override
    public List<Magic> magics() {
        return List.of();
    }

    /** A decoded record, or null when the line is not a valid record. */
    static byte[] record(String line) {
        if (line.length() < 11 || line.charAt(0) != ':') {
            return null;
        }
        byte[] r = TextRecords.hex(line.strip(), 1);
        if (r == null || r.length < 5 || (r[0] & 0xff) + 5 != r.length) {
            return null;
        }
        int sum = 0;
        for (byte b : r) {
            sum += b & 0xff;
        }
        return (sum & 0xff) == 0 && (r[3] & 0xff) <= 5 ? r : null;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (off != 0 || s.size() < 11) {
            return Optional.empty();
        }
        CursorStream in = new CursorStream(s, 0);
        for (int i = 0; i < PROBE_LINES; i++) {
            String l = TextRecords.line(in);
            if (l == null) {
                return i > 0 ? Streams.match(id(), 0, -1, "Intel HEX", Map.of()) : Optional.empty();
            }
            byte[] r = record(l);
            if (r == null) {
                return Optional.empty();
            }
            if ((r[3] & 0xff) == 1) {
                break;
            }
        }
        return Streams.match(id(), 0, -1, "Intel HEX", Map.of());
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        CursorStream in = new CursorStream(s, m.offset());
        TextRecords.SegmentWriter w = new TextRecords.SegmentWriter(sink);
        long base = 0;
        int lineNo = 0;
        String l;
        while ((l = TextRecords.line(in)) != null && !sink.cancelled()) {
            lineNo++;
            if (l.isBlank()) {
                continue;
            }
            byte[] r = record(l);
            if (r == null) {
                sink.warn("Intel HEX line " + lineNo + " invalid; stopping");
                break;
            }
            int type = r[3] & 0xff;
            int addr = ((r[1] & 0xff) << 8) | (r[2] & 0xff);
            int len = r[0] & 0xff;
            if (type == 0) {
                w.data(base + addr, r, 4, len);
            } else if (type == 1) {
                break;
            } else if (type == 2 && len == 2) {
                base = (((r[4] & 0xff) << 8) | (r[5] & 0xff)) * 16L;
            } else if (type == 4 && len == 2) {
                base = (long) (((r[4] & 0xff) << 8) | (r[5] & 0xff)) << 16;
            }
        }
        w.flush();
        sink.extent(in.position() - m.offset());
    }
}
