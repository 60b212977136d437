package org.iotb.unpack.formats;

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

/** gzip (RFC 1952), one member per match; concatenated members are found as separate matches. */
public final class GzipHandler implements FormatHandler {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    @Override
    public String id() {
        return "gzip";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x1f, 0x8b, 0x08));
    }

    /** Header fields; {@code dataStart} is where deflate data begins. */
    record Header(long dataStart, String name, long mtime) {
    }

    static Header header(ByteSource s, long off) throws IOException {
        byte[] h = s.bytes(off, 10);
        if ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b || h[2] != 8) {
            return null;
        }
        int flg = h[3] & 0xff;
        int xfl = h[8] & 0xff;
        int os = h[9] & 0xff;
        if ((flg & 0xe0) != 0 || (xfl != 0 && xfl != 2 && xfl != 4) || (os > 13 && os != 255)) {
            return null;
        }
        long pos = off + 10;
        if ((flg & FEXTRA) != 0) {
            byte[] x = s.bytes(pos, 2);
            pos += 2 + Bytes.le16(x, 0);
        }
        String name = null;
        if ((flg & FNAME) != 0) {
            long start = pos;
            pos = skipZero(s, pos);
            if (pos < 0) {
                return null;
            }
            int n = (int) Math.min(1024, pos - 1 - start);
            name = new String(s.bytes(start, n), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if ((flg & FCOMMENT) != 0) {
            pos = skipZero(s, pos);
            if (pos < 0) {
                return null;
            }
        }
        if ((flg & FHCRC) != 0) {
            pos += 2;
        }
        if (pos >= s.size()) {
            return null;
        }
        return new Header(pos, name, Bytes.le32(h, 4));
    }

    /** Position after the next NUL within 64 KiB, or -1. */
    private static long skipZero(ByteSource s, long pos) throws IOException {
        byte[] buf = new byte[4096];
        long limit = pos + 65536;
        while (pos < limit) {
            int n = s.read(pos, buf, 0, buf.length);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == 0) {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return -1;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 18)) {
            return Optional.empty();
        }
        Header h = header(s, off);
        if (h == null || !Streams.trial(new GzipMemberStream(s, h.dataStart()), Streams.TRIAL_BYTES)) {
            return Optional.empty();
        }
        return Streams.match(id(), off, -1, "gzip compressed data" + (h.name() == null ? "" : ", was \"" + h.name() + "\""),
                h.name() == null ? Map.of() : Map.of("name", h.name()));
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Header h = header(s, m.offset());
        if (h == null) {
            sink.warn("gzip header no longer valid");
            return;
        }
        String name = outputName(h.name());
        try (GzipMemberStream in = new GzipMemberStream(s, h.dataStart())) {
            boolean complete = sink.file(name, 0644, h.mtime(), in);
            if (in.trailerProblem() != null) {
                sink.warn(in.trailerProblem());
            }
            if (complete && in.end() > 0) {
                sink.extent(in.end() - m.offset());
            }
        }
    }

    /** The stored name's last component, or "data". */
    static String outputName(String stored) {
        if (stored == null) {
            return "data";
        }
        String base = stored.substring(stored.lastIndexOf('/') + 1);
        base = base.substring(base.lastIndexOf('\\') + 1);
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "data" : base;
    }
}
