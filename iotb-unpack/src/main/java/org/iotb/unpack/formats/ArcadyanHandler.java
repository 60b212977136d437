package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * Arcadyan's firmware obfuscation (Linksys WRT120N and other Arcadyan-built devices; the algorithm is public:
 * Craig Heffner's 2014 WRT120N write-up and binwalk's de-obfuscator). A 4-byte tag, then an LZMA stream whose first
 * bytes were hidden: the 32-byte block at 4 and the one at 0x68 were exchanged, and the bytes now at 0x68 were
 * pair-swapped and nibble-swapped. Undoing that puts the LZMA header (properties byte 0x5D, dictionary size) back
 * at offset 4.
 * <p>
 * Found by the obfuscated LZMA header itself ({@code 00 D5 08 00} at 0x68, what {@code 5D 00 00 80} becomes), at the
 * start of a file only: the handler restores the first 0x88 bytes, accepts only a plausible LZMA header at 4 whose
 * stream decodes (a trial of the first 4 KiB, as for plain LZMA), and writes the whole
 * de-obfuscated image as {@code deobfuscated.bin}, where the recursion finds the LZMA stream and what it holds.
 */
public final class ArcadyanHandler implements FormatHandler {
    static final int BLOCK = 32;
    static final int BLOCK1 = 4;
    static final int BLOCK2 = 0x68;
    static final int HEAD = BLOCK2 + BLOCK;
    /** Larger images were never obfuscated this way (the devices' flash is 2 MiB; binwalk uses the same bound). */
    static final long MAX_SIZE = 0x1B0000;

    @Override
    public String id() {
        return "arcadyan";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(BLOCK2, 0x00, 0xD5, 0x08));
    }

    /** The first {@link #HEAD} bytes with the obfuscation undone. */
    static byte[] restore(byte[] head) {
        byte[] out = head.clone();
        System.arraycopy(head, BLOCK2, out, BLOCK1, BLOCK);
        System.arraycopy(head, BLOCK1, out, BLOCK2, BLOCK);
        for (int i = BLOCK1; i < BLOCK1 + BLOCK; i++) {
            int b = out[i] & 0xff;
            out[i] = (byte) (((b & 0x0f) << 4) | (b >>> 4));
        }
        for (int i = BLOCK1; i < BLOCK1 + BLOCK; i += 2) {
            byte t = out[i];
            out[i] = out[i + 1];
            out[i + 1] = t;
        }
        return out;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        long size = s.size() - off;
        // the obfuscation covers a whole image: only at the start of a file (inside one, the 3-byte pattern is noise)
        if (off != 0 || size <= HEAD + 0x100 || size > MAX_SIZE) {
            return Optional.empty();
        }
        byte[] r = restore(s.bytes(off, HEAD));
        int props = r[BLOCK1] & 0xff;
        long dict = (r[BLOCK1 + 1] & 0xffL) | (r[BLOCK1 + 2] & 0xffL) << 8 | (r[BLOCK1 + 3] & 0xffL) << 16
                | (r[BLOCK1 + 4] & 0xffL) << 24;
        if (props != 0x5D || dict < 4096 || dict > (1L << 26) || Long.bitCount(dict) != 1) {
            return Optional.empty();
        }
        // the restored stream must decode: a trial of the first bytes, as for plain LZMA
        InputStream restored = new SequenceInputStream(new ByteArrayInputStream(r, BLOCK1, HEAD - BLOCK1),
                s.stream(off + HEAD, size - HEAD));
        if (!Streams.trial(new org.tukaani.xz.LZMAInputStream(restored, XzHandler.MEMORY_LIMIT_KIB),
                Streams.TRIAL_BYTES)) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("tag", String.format("%02x%02x%02x%02x", r[0], r[1], r[2], r[3]));
        info.put("lzmaDictionary", dict);
        return Streams.match(id(), off, size, "Arcadyan-obfuscated image (LZMA, dictionary " + (dict >> 10) + " KiB)", info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        byte[] head = restore(s.bytes(m.offset(), HEAD));
        InputStream rest = s.stream(m.offset() + HEAD, m.length() - HEAD);
        sink.file("deobfuscated.bin", 0644, 0, new SequenceInputStream(new ByteArrayInputStream(head), rest));
    }
}
