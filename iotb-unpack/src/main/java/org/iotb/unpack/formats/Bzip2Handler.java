package org.iotb.unpack.formats;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** bzip2: "BZh" + block size digit + the block or end-of-stream magic; one stream per match. */
public final class Bzip2Handler implements FormatHandler {
    private static final byte[] BLOCK = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    private static final byte[] EOS = {0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90};

    @Override
    public String id() {
        return "bzip2";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "BZh"));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 14)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 10);
        if (h[3] < '1' || h[3] > '9') {
            return Optional.empty();
        }
        boolean block = java.util.Arrays.equals(h, 4, 10, BLOCK, 0, 6);
        boolean eos = java.util.Arrays.equals(h, 4, 10, EOS, 0, 6);
        if (!block && !eos) {
            return Optional.empty();
        }
        if (block && !Streams.trial(new BZip2CompressorInputStream(s.stream(off, s.size() - off), false), 1)) {
            return Optional.empty();
        }
        return Streams.match(id(), off, -1, "bzip2 compressed data, block size " + (h[3] - '0') + "00k",
                Map.of("blockSize", (h[3] - '0') * 100_000));
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Streams.extractOne(s, m, sink, "data", in -> new BZip2CompressorInputStream(in, false));
    }
}
