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
import org.iotb.unpack.codec.LzmaStreams;

/** xz: one stream per match, stream-flags CRC checked at identify; decoder memory capped. */
public final class XzHandler implements FormatHandler {
    static final int MEMORY_LIMIT_KIB = 256 * 1024;

    @Override
    public String id() {
        return "xz";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 32)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 12);
        int check = h[7] & 0xff;
        if (h[6] != 0 || (check != 0 && check != 1 && check != 4 && check != 10)
                || Bytes.crc32(h, 6, 2) != Bytes.le32(h, 8)) {
            return Optional.empty();
        }
        if (!Streams.trial(LzmaStreams.xz(s.stream(off, s.size() - off), MEMORY_LIMIT_KIB), 1)) {
            return Optional.empty();
        }
        return Streams.match(id(), off, -1, "xz compressed data", Map.of("check", check));
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Streams.extractOne(s, m, sink, "data", in -> LzmaStreams.xz(in, MEMORY_LIMIT_KIB));
    }
}
