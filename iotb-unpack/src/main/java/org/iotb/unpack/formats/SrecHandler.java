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

/** Motorola S-record (MCU firmware), tried at the start of a file; checksums checked on every record. */
public final class SrecHandler implements FormatHandler {

    @Override
    public String id() {
        return "srec";
    }

    @Override
    public List<Magic> magics() {
        return List.of();
    }

    /** Decoded record bytes (count, address, data, checksum) or null. */
    static byte[] record(String line) {
        String l = line.strip();
        if (l.length() < 10 || l.charAt(0) != 'S' || !Character.isDigit(l.charAt(1)) || l.charAt(1) == '4') {
            return null;
        }
        byte[] r = TextRecords.hex(l, 2);
        if (r == null || (r[0] & 0xff) + 1 != r.length) {
            return null;
        }
        int sum = 0;
        for (byte b : r) {
            sum += b & 0xff;
        }
        return (sum & 0xff) == 0xff ? r : null;
    }

    static int addressBytes(char type) {
        return switch (type) {
            case '0', '1', '5', '9' -> 2;
            case '2', '6', '8' -> 3;
            case '3', '7' -> 4;
            default -> -1;
        };
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (off != 0 || s.size() < 10) {
            return Optional.empty();
        }
        CursorStream in = new CursorStream(s, 0);
        for (int i = 0; i < 4; i++) {
            String l = TextRecords.line(in);
            if (l == null) {
                return i > 0 ? Streams.match(id(), 0, -1, "Motorola S-record", Map.of()) : Optional.empty();
            }
            if (record(l) == null) {
                return Optional.empty();
            }
        }
        return Streams.match(id(), 0, -1, "Motorola S-record", Map.of());
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        CursorStream in = new CursorStream(s, m.offset());
        TextRecords.SegmentWriter w = new TextRecords.SegmentWriter(sink);
        int lineNo = 0;
        String l;
        while ((l = TextRecords.line(in)) != null && !sink.cancelled()) {
            lineNo++;
            if (l.isBlank()) {
                continue;
            }
            byte[] r = record(l);
            if (r == null) {
                sink.warn("S-record line " + lineNo + " invalid; stopping");
                break;
            }
            char type = l.strip().charAt(1);
            int ab = addressBytes(type);
            if (ab < 0 || r.length < 1 + ab + 1) {
                continue;
            }
            if (type == '1' || type == '2' || type == '3') {
                long addr = 0;
                for (int i = 0; i < ab; i++) {
                    addr = addr << 8 | (r[1 + i] & 0xff);
                }
                w.data(addr, r, 1 + ab, r.length - 2 - ab);
            } else if (type == '7' || type == '8' || type == '9') {
                break;
            }
        }
        w.flush();
        sink.extent(in.position() - m.offset());
    }
}
