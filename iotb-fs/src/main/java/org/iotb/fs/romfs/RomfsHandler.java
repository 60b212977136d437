package org.iotb.fs.romfs;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.fs.common.Names;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** romfs ("-rom1fs-"): size field and superblock checksum validated, volume name reported. */
public final class RomfsHandler implements FormatHandler {
    private static final int HEAD = 16;

    @Override
    public String id() {
        return "romfs";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "-rom1fs-"));
    }

    private record Super(long size, String volume, long firstHeader) {
    }

    private static Super parse(ByteSource src, long offset, long available) throws IOException {
        if (available < 32) {
            throw new CorruptImageException("too short for romfs");
        }
        byte[] h = src.bytes(offset, HEAD);
        if (!new String(h, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("-rom1fs-")) {
            throw new CorruptImageException("no romfs magic");
        }
        long size = Bytes.u32(h, 8, ByteOrder.BIG_ENDIAN);
        if (size < 32 || size > available) {
            throw new CorruptImageException("romfs size " + size + " outside the " + available + " bytes available");
        }
        // the kernel checks that the first min(512, size) bytes sum to zero as big-endian words
        int n = (int) Math.min(512, size) & ~3;
        byte[] first = src.bytes(offset, n);
        long sum = 0;
        for (int i = 0; i < n; i += 4) {
            sum += Bytes.u32(first, i, ByteOrder.BIG_ENDIAN);
        }
        if ((sum & 0xffffffffL) != 0) {
            throw new CorruptImageException("romfs checksum mismatch");
        }
        int end = HEAD;
        while (end < n && first[end] != 0) {
            end++;
        }
        if (end >= n) {
            throw new CorruptImageException("romfs volume name unterminated");
        }
        String volume = Names.decode(first, HEAD, end - HEAD);
        long firstHeader = (end + 1 + 15) & ~15L;
        return new Super(size, volume, firstHeader);
    }

    @Override
    public Optional<Match> identify(ByteSource source, long offset) throws IOException {
        try {
            Super s = parse(source, offset, source.size() - offset);
            return Optional.of(new Match(id(), offset, s.size(), "romfs '" + s.volume() + "'",
                    Map.of("volume", s.volume(), "size", s.size())));
        } catch (CorruptImageException | java.io.EOFException e) {
            return Optional.empty();
        }
    }

    @Override
    public void extract(ByteSource source, Match match, ExtractionSink sink) throws IOException {
        long available = source.size() - match.offset();
        try {
            Super s = parse(source, match.offset(), available);
            ByteSource fs = source.slice(match.offset(), s.size());
            new RomfsExtractor(fs, s.size(), sink).run(s.firstHeader());
        } catch (CorruptImageException | java.io.EOFException e) {
            sink.warn("romfs: " + e.getMessage());
        }
    }
}
