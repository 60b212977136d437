package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.lz4.BlockLZ4CompressorInputStream;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * LZ4 legacy frames (`lz4 -l`, the Linux kernel's lz4 format): the magic, then blocks of at most 8 MiB of
 * output, each a 4-byte little-endian compressed size and raw LZ4 block data, until the input ends or a size
 * that cannot be a block (the next structure) appears.
 */
public final class Lz4LegacyHandler implements FormatHandler {
    static final long MAX_BLOCK_INPUT = 8L * 1024 * 1024 + 8L * 1024 * 1024 / 255 + 16;
    private static final long MAGIC = 0x184c2102L;

    @Override
    public String id() {
        return "lz4-legacy";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x02, 0x21, 0x4c, 0x18));
    }

    /** Block positions [offset, size] after the magic; empty when the first block is not plausible. */
    static List<long[]> blocks(ByteSource s, long off) throws IOException {
        List<long[]> out = new ArrayList<>();
        long pos = off + 4;
        while (Bytes.fits(s, pos, 4) && out.size() < 1_000_000) {
            long size = Bytes.le32(s.bytes(pos, 4), 0);
            if (size == 0 || size == MAGIC || size > MAX_BLOCK_INPUT || !Bytes.fits(s, pos + 4, size)) {
                break;
            }
            out.add(new long[] {pos + 4, size});
            pos += 4 + size;
        }
        return out;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        List<long[]> b = blocks(s, off);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        long[] first = b.get(0);
        if (!Streams.trial(new BlockLZ4CompressorInputStream(s.stream(first[0], first[1])), 1)) {
            return Optional.empty();
        }
        long[] last = b.get(b.size() - 1);
        return Streams.match(id(), off, last[0] + last[1] - off, "LZ4 legacy frame, " + b.size() + " blocks",
                Map.of("blocks", b.size()));
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        List<long[]> b = blocks(s, m.offset());
        List<InputStream> parts = new ArrayList<>();
        for (long[] x : b) {
            parts.add(new LazyBlock(s, x[0], x[1]));
        }
        sink.file("data", 0644, 0, parts.isEmpty() ? new ByteArrayInputStream(new byte[0])
                : new SequenceInputStream(Collections.enumeration(parts)));
    }

    /** Opens its block's decoder on first read, so only one block's state is alive at a time. */
    private static final class LazyBlock extends InputStream {
        private final ByteSource s;
        private final long at;
        private final long size;
        private InputStream in;

        LazyBlock(ByteSource s, long at, long size) {
            this.s = s;
            this.at = at;
            this.size = size;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = new BlockLZ4CompressorInputStream(s.stream(at, size));
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }
    }
}
