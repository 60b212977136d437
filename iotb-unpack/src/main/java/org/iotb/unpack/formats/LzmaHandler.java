package org.iotb.unpack.formats;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;
import org.iotb.unpack.codec.LzmaHeader;
import org.iotb.unpack.codec.LzmaStreams;
import org.tukaani.xz.LZMAInputStream;

/**
 * LZMA "alone" (.lzma, the kernel and uImage payload format): 13-byte header of properties, dictionary size
 * and uncompressed size. The header has no real magic, so identify insists on the common properties byte,
 * a plausible dictionary and size, and a trial decode.
 */
public final class LzmaHandler implements FormatHandler {
    static final long MAX_UNCOMPRESSED = 4L << 30;
    static final int[] PROPS = {0x5d, 0x5e, 0x5a, 0x5b, 0x5c, 0x6c, 0x6d, 0x6e, 0x64, 0x65, 0x66};

    @Override
    public String id() {
        return "lzma";
    }

    @Override
    public List<Magic> magics() {
        // the properties byte (lc/lp/pb) then the low bytes of a >= 64 KiB dictionary; 0x5d is the default,
        // the others are what vendor SDKs use (VxWorks images: 0x6e and 0x5a)
        return java.util.stream.IntStream.of(PROPS).mapToObj(p -> Magic.of(0, p, 0x00, 0x00)).toList();
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 18)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 14);
        long dict = Bytes.le32(h, 1);
        long size = Bytes.le64(h, 5);
        boolean dictOk = dict >= 4096 && dict <= (1L << 28) && (Long.bitCount(dict) == 1 || Long.bitCount(dict) == 2);
        boolean sizeOk = size == -1 || (size > 0 && size <= MAX_UNCOMPRESSED);
        if (!dictOk || !sizeOk || h[13] != 0) {
            return Optional.empty();
        }
        int want = (int) (size == -1 ? Streams.TRIAL_BYTES : Math.min(size, Streams.TRIAL_BYTES));
        // xz-java for the trial: with the small dictionary it sets up faster than a call into liblzma
        if (!Streams.trial(new LZMAInputStream(trialStream(s, off, h), XzHandler.MEMORY_LIMIT_KIB), want)) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("dictionarySize", dict);
        if (size != -1) {
            info.put("uncompressedSize", size);
        }
        return Streams.match(id(), off, -1, "LZMA compressed data", info);
    }

    /**
     * The stream with its header's dictionary shrunk: the trial decodes at most {@link Streams#TRIAL_BYTES}, and no
     * match within them can reach further back than that, so a small dictionary decodes them identically while
     * sparing the decoder an allocation of the declared size (often 8 MiB) at each of many false candidates.
     */
    private static java.io.InputStream trialStream(ByteSource s, long off, byte[] header) {
        long smallDictionary = Math.min(Bytes.le32(header, 1), 64 * 1024);
        byte[] h = LzmaHeader.alone(header[0] & 0xff, smallDictionary, Bytes.le64(header, 5));
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(h),
                s.stream(off + LzmaHeader.LENGTH, s.size() - off - LzmaHeader.LENGTH));
    }

    private static java.io.InputStream open(java.io.InputStream in) throws IOException {
        return LzmaStreams.alone(in, XzHandler.MEMORY_LIMIT_KIB);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Streams.extractOne(s, m, sink, "data", LzmaHandler::open);
    }
}
