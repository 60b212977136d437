package org.iotb.unpack.formats;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Android sparse image: identify walks the chunk headers (raw, fill, don't-care, crc) and checks they add
 * up to the declared block count; extraction streams the expanded raw image (image.raw), never in memory.
 */
public final class AndroidSparseHandler implements FormatHandler {
    private static final int RAW = 0xcac1;
    private static final int FILL = 0xcac2;
    private static final int DONT_CARE = 0xcac3;
    private static final int CRC = 0xcac4;

    @Override
    public String id() {
        return "android-sparse";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x3a, 0xff, 0x26, 0xed));
    }

    private record Header(int fileHdr, int chunkHdr, long blockSize, long totalBlocks, long chunks) {
    }

    private static Header header(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 28)) {
            return null;
        }
        byte[] h = s.bytes(off, 28);
        int major = Bytes.le16(h, 4);
        int fileHdr = Bytes.le16(h, 8);
        int chunkHdr = Bytes.le16(h, 10);
        long blk = Bytes.le32(h, 12);
        if (major != 1 || fileHdr < 28 || chunkHdr < 12 || blk == 0 || blk % 4 != 0 || blk > (1 << 24)) {
            return null;
        }
        return new Header(fileHdr, chunkHdr, blk, Bytes.le32(h, 16), Bytes.le32(h, 20));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Header h = header(s, off);
        if (h == null) {
            return Optional.empty();
        }
        long pos = off + h.fileHdr;
        long blocks = 0;
        byte[] c = new byte[12];
        for (long i = 0; i < h.chunks; i++) {
            if (!Bytes.fits(s, pos, h.chunkHdr)) {
                return Optional.empty();
            }
            s.readFully(pos, c, 0, 12);
            int type = Bytes.le16(c, 0);
            long chunkBlocks = Bytes.le32(c, 4);
            long total = Bytes.le32(c, 8);
            if (total < h.chunkHdr || (type != RAW && type != FILL && type != DONT_CARE && type != CRC)
                    || type == RAW && total - h.chunkHdr != chunkBlocks * h.blockSize) {
                return Optional.empty();
            }
            blocks += chunkBlocks;
            pos += total;
            if (pos > s.size()) {
                return Optional.empty();
            }
        }
        if (blocks != h.totalBlocks) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("blockSize", h.blockSize);
        info.put("blocks", h.totalBlocks);
        info.put("chunks", h.chunks);
        return Streams.match(id(), off, pos - off, "Android sparse image, " + h.totalBlocks * h.blockSize
                + " bytes expanded", info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Header h = header(s, m.offset());
        if (h == null) {
            sink.warn("sparse header no longer valid");
            return;
        }
        sink.file("image.raw", 0644, 0, new Expander(s, m.offset() + h.fileHdr, h));
    }

    /** Produces the raw image chunk by chunk. */
    private static final class Expander extends InputStream {
        private final ByteSource s;
        private final Header h;
        private long pos;
        private long chunk;
        private int type;
        private long left;
        private long dataPos;
        private long chunkPos;
        private final byte[] fill = new byte[4];

        Expander(ByteSource s, long first, Header h) {
            this.s = s;
            this.h = h;
            this.pos = first;
        }

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            return read(b, 0, 1) == 1 ? b[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (left == 0) {
                if (chunk >= h.chunks) {
                    return -1;
                }
                byte[] c = s.bytes(pos, 12);
                type = Bytes.le16(c, 0);
                long total = Bytes.le32(c, 8);
                left = type == CRC ? 0 : Bytes.le32(c, 4) * h.blockSize;
                dataPos = pos + h.chunkHdr;
                chunkPos = 0;
                if (type == FILL) {
                    s.readFully(dataPos, fill, 0, 4);
                }
                pos += total;
                chunk++;
            }
            int n = (int) Math.min(len, left);
            if (type == RAW) {
                n = s.read(dataPos, b, off, n);
                if (n <= 0) {
                    throw new IOException("sparse raw chunk truncated");
                }
                dataPos += n;
            } else {
                for (int i = 0; i < n; i++) {
                    b[off + i] = type == FILL ? fill[(int) ((chunkPos + i) & 3)] : 0;
                }
            }
            left -= n;
            chunkPos += n;
            return n;
        }
    }
}
