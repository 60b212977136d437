package org.iotb.unpack.formats;

import io.airlift.compress.lzo.LzoDecompressor;
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
 * lzop files (LZO1X blocks with lzop's header). Identify parses the header and walks the block sizes to the
 * end marker, so the length is known; blocks decode with aircompressor's pure-Java LZO.
 */
public final class LzopHandler implements FormatHandler {
    private static final int[] MAGIC = {0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a};
    static final int MAX_BLOCK = 64 * 1024 * 1024;
    private static final int F_ADLER32_D = 0x1;
    private static final int F_ADLER32_C = 0x2;
    private static final int F_H_EXTRA_FIELD = 0x40;
    private static final int F_CRC32_D = 0x100;
    private static final int F_CRC32_C = 0x200;
    private static final int F_H_FILTER = 0x800;

    @Override
    public String id() {
        return "lzo";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, MAGIC));
    }

    /** Parsed header: where blocks start, checksum flags, stored name. */
    record Header(long blocksStart, long flags, String name, long mtime, int mode) {
    }

    static Header header(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 9 + 25)) {
            return null;
        }
        byte[] h = s.bytes(off + 9, (int) Math.min(9 + 300 + 16, s.size() - off - 9));
        int p = 0;
        int version = Bytes.be16(h, p);
        p += 2;
        p += 2; // library version
        if (version >= 0x0940) {
            p += 2; // version needed
        }
        int method = h[p++] & 0xff;
        if (method < 1 || method > 3) {
            return null;
        }
        if (version >= 0x0940) {
            p++; // level
        }
        long flags = Bytes.be32(h, p);
        p += 4;
        if ((flags & F_H_FILTER) != 0) {
            p += 4;
        }
        int mode = (int) Bytes.be32(h, p);
        p += 4;
        long mtime = Bytes.be32(h, p);
        p += 4;
        if (version >= 0x0940) {
            p += 4;
        }
        int nameLen = h[p++] & 0xff;
        if (p + nameLen + 4 > h.length) {
            return null;
        }
        String name = new String(h, p, nameLen, java.nio.charset.StandardCharsets.ISO_8859_1);
        p += nameLen;
        long stored = Bytes.be32(h, p);
        long computed = (flags & 0x1000) != 0 ? Bytes.crc32(h, 0, p) : adler32(h, 0, p);
        if (stored != computed) {
            return null;
        }
        p += 4;
        long pos = off + 9 + p;
        if ((flags & F_H_EXTRA_FIELD) != 0) {
            byte[] x = s.bytes(pos, 4);
            pos += 4 + Bytes.be32(x, 0) + 4;
        }
        return new Header(pos, flags, name, mtime, mode);
    }

    static long adler32(byte[] b, int off, int len) {
        java.util.zip.Adler32 a = new java.util.zip.Adler32();
        a.update(b, off, len);
        return a.getValue();
    }

    private static int checksumBytes(long flags, boolean compressedBlock) {
        int n = 0;
        if ((flags & (F_ADLER32_D | F_CRC32_D)) != 0) {
            n += 4 * (Long.bitCount(flags & (F_ADLER32_D | F_CRC32_D)));
        }
        if (compressedBlock && (flags & (F_ADLER32_C | F_CRC32_C)) != 0) {
            n += 4 * (Long.bitCount(flags & (F_ADLER32_C | F_CRC32_C)));
        }
        return n;
    }

    static long length(ByteSource s, long off, Header h) throws IOException {
        long pos = h.blocksStart();
        byte[] b = new byte[8];
        while (true) {
            if (!Bytes.fits(s, pos, 4)) {
                return -1;
            }
            s.readFully(pos, b, 0, 4);
            long dst = Bytes.be32(b, 0);
            if (dst == 0) {
                return pos + 4 - off;
            }
            if (!Bytes.fits(s, pos, 8)) {
                return -1;
            }
            s.readFully(pos, b, 0, 8);
            long src = Bytes.be32(b, 4);
            if (dst > MAX_BLOCK || src > dst || src == 0) {
                return -1;
            }
            pos += 8 + checksumBytes(h.flags(), src < dst) + src;
            if (pos > s.size()) {
                return -1;
            }
        }
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Header h = header(s, off);
        if (h == null) {
            return Optional.empty();
        }
        long len = length(s, off, h);
        if (len <= 0) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        if (!h.name().isEmpty()) {
            info.put("name", h.name());
        }
        return Streams.match(id(), off, len, "lzop compressed data", info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Header h = header(s, m.offset());
        if (h == null) {
            sink.warn("lzop header no longer valid");
            return;
        }
        sink.file(GzipHandler.outputName(h.name().isEmpty() ? null : h.name()), 0644, h.mtime(),
                new BlockStream(s, h, m.offset() + m.length()));
    }

    /** Decodes lzop blocks one at a time; memory is one block (at most 64 MiB, lzop's own maximum). */
    private static final class BlockStream extends InputStream {
        private final ByteSource s;
        private final Header h;
        private final long end;
        private long pos;
        private byte[] block = new byte[0];
        private int blockPos;
        private boolean done;

        BlockStream(ByteSource s, Header h, long end) {
            this.s = s;
            this.h = h;
            this.end = end;
            this.pos = h.blocksStart();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (blockPos >= block.length) {
                if (done || !next()) {
                    done = true;
                    return -1;
                }
            }
            int n = Math.min(len, block.length - blockPos);
            System.arraycopy(block, blockPos, b, off, n);
            blockPos += n;
            return n;
        }

        private boolean next() throws IOException {
            byte[] hdr = s.bytes(pos, 4);
            long dst = Bytes.be32(hdr, 0);
            if (dst == 0) {
                return false;
            }
            hdr = s.bytes(pos, 8);
            long src = Bytes.be32(hdr, 4);
            if (dst > MAX_BLOCK || src > dst || src == 0) {
                throw new IOException("corrupt lzop block sizes at offset " + pos);
            }
            long dataAt = pos + 8 + checksumBytes(h.flags(), src < dst);
            if (dataAt + src > end) {
                throw new IOException("lzop block runs past the end");
            }
            byte[] in = s.bytes(dataAt, (int) src);
            if (src == dst) {
                block = in;
            } else {
                byte[] out = new byte[(int) dst];
                int n;
                try {
                    n = new LzoDecompressor().decompress(in, 0, in.length, out, 0, out.length);
                } catch (RuntimeException e) {
                    throw new IOException("corrupt LZO block at offset " + dataAt + ": " + e.getMessage(), e);
                }
                if (n != dst) {
                    throw new IOException("LZO block at offset " + dataAt + " gave " + n + " bytes, expected " + dst);
                }
                block = out;
            }
            blockPos = 0;
            pos = dataAt + src;
            return true;
        }
    }
}
