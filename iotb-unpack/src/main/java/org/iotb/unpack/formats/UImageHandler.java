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

/**
 * U-Boot legacy image: 64-byte header whose CRC is checked at identify. The payload is written as stored
 * (named by image type, with the compression as extension) and the engine's recursion decompresses it;
 * multi-file images are split into their parts. A data CRC mismatch is a warning, not a refusal.
 */
public final class UImageHandler implements FormatHandler {
    static final String[] COMP_EXT = {"", ".gz", ".bz2", ".lzma", ".lzo", ".lz4", ".zst"};
    static final String[] COMP = {"none", "gzip", "bzip2", "lzma", "lzo", "lz4", "zstd"};
    static final String[] TYPES = {"invalid", "standalone", "kernel", "ramdisk", "multi", "firmware", "script",
        "filesystem", "flat_dt"};

    /** All a legacy uImage carries (FIT images can be signed; legacy ones cannot): {@link UpdateIntegrity}. */
    static final String INTEGRITY = "CRC32 of the header and of the data only; no signature";

    @Override
    public String id() {
        return "uimage";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x27, 0x05, 0x19, 0x56));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 64)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 64);
        long hcrc = Bytes.be32(h, 4);
        byte[] z = h.clone();
        z[4] = z[5] = z[6] = z[7] = 0;
        if (Bytes.crc32(z, 0, 64) != hcrc) {
            return Optional.empty();
        }
        long size = Bytes.be32(h, 12);
        long len = Math.min(64 + size, s.size() - off);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", Bytes.cString(h, 32, 32));
        info.put("os", h[28] & 0xff);
        info.put("arch", h[29] & 0xff);
        int type = h[30] & 0xff;
        int comp = h[31] & 0xff;
        info.put("type", type < TYPES.length ? TYPES[type] : Integer.toString(type));
        info.put("compression", comp < COMP.length ? COMP[comp] : Integer.toString(comp));
        info.put("loadAddress", String.format("0x%08x", Bytes.be32(h, 16)));
        info.put("entryPoint", String.format("0x%08x", Bytes.be32(h, 20)));
        info.put("dataSize", size);
        UpdateIntegrity.checksumOnly(info, INTEGRITY);
        if (64 + size > s.size() - off) {
            info.put("truncated", true);
        }
        return Streams.match(id(), off, len, "U-Boot legacy uImage \"" + info.get("name") + "\"", info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        byte[] h = s.bytes(m.offset(), 64);
        long size = Bytes.be32(h, 12);
        long avail = m.length() - 64;
        if (size > avail) {
            sink.warn("uImage data truncated: header says " + size + " bytes, " + avail + " present");
            size = avail;
        } else if (Bytes.crc32(s, m.offset() + 64, size) != Bytes.be32(h, 24)) {
            sink.warn("uImage data CRC mismatch");
        }
        int type = h[30] & 0xff;
        int comp = h[31] & 0xff;
        String ext = comp < COMP_EXT.length ? COMP_EXT[comp] : ".bin";
        String base = type < TYPES.length && type > 0 ? TYPES[type] : "image";
        long data = m.offset() + 64;
        if (type == 4) {
            multi(s, data, size, sink, ext);
            return;
        }
        sink.file(base + ext, 0644, Bytes.be32(h, 8), s.stream(data, size));
    }

    /** Multi-file image: a zero-terminated table of part sizes, then the parts, each padded to 4 bytes. */
    private static void multi(ByteSource s, long data, long size, ExtractionSink sink, String ext) throws IOException {
        List<Long> sizes = new java.util.ArrayList<>();
        long pos = data;
        while (pos + 4 <= data + size && sizes.size() < 256) {
            long n = Bytes.be32(s.bytes(pos, 4), 0);
            pos += 4;
            if (n == 0) {
                break;
            }
            sizes.add(n);
        }
        for (int i = 0; i < sizes.size() && !sink.cancelled(); i++) {
            long n = Math.min(sizes.get(i), data + size - pos);
            if (n <= 0) {
                sink.warn("uImage multi part " + i + " lies past the data");
                return;
            }
            sink.file("part-" + i + (i == 0 ? ext : ".bin"), 0644, 0, s.stream(pos, n));
            pos += (sizes.get(i) + 3) & ~3L;
        }
    }
}
