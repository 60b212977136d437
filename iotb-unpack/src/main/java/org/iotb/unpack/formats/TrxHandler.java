package org.iotb.unpack.formats;

import java.io.IOException;
import java.util.ArrayList;
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
 * Broadcom TRX ("HDR0"): a length, a CRC over everything after the CRC field, and three (v1) or four (v2)
 * partition offsets. Partitions are written as stored; the recursion finds the kernel and rootfs in them.
 */
public final class TrxHandler implements FormatHandler {
    /** All a TRX carries to protect its partitions (the update checks read it: {@link UpdateIntegrity}). */
    static final String INTEGRITY = "CRC32 of the image only; no signature";

    @Override
    public String id() {
        return "trx";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "HDR0"));
    }

    private static List<Long> offsets(byte[] h, int version, long len) {
        int count = version == 2 ? 4 : 3;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long o = Bytes.le32(h, 16 + 4 * i);
            if (o != 0) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 32)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 32);
        long len = Bytes.le32(h, 4);
        int version = Bytes.le16(h, 14);
        if ((version != 1 && version != 2) || len < 28 || len > s.size() - off) {
            return Optional.empty();
        }
        List<Long> offs = offsets(h, version, len);
        long prev = 0;
        for (long o : offs) {
            if (o < 28 || o >= len || o < prev) {
                return Optional.empty();
            }
            prev = o;
        }
        long crc = Bytes.crc32(s, off + 12, len - 12);
        long stored = Bytes.le32(h, 8);
        // Broadcom's tools store the CRC without the final inversion; some store the standard one.
        boolean crcOk = stored == (~crc & 0xffffffffL) || stored == crc;
        if (!crcOk) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", version);
        info.put("flags", Bytes.le16(h, 12));
        info.put("partitionOffsets", offs);
        UpdateIntegrity.checksumOnly(info, INTEGRITY);
        return Streams.match(id(), off, len, "Broadcom TRX v" + version, info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        byte[] h = s.bytes(m.offset(), 32);
        List<Long> offs = offsets(h, Bytes.le16(h, 14), m.length());
        for (int i = 0; i < offs.size(); i++) {
            long start = offs.get(i);
            long end = i + 1 < offs.size() ? offs.get(i + 1) : m.length();
            if (end > start) {
                sink.file("partition-" + i, 0644, 0, s.stream(m.offset() + start, end - start));
            }
        }
    }
}
