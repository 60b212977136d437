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
 * Android boot image ("ANDROID!"), header versions 0-4: kernel, ramdisk, second stage, recovery DTBO and
 * DTB, each page-aligned. The kernel command line goes to the match info.
 */
public final class AndroidBootHandler implements FormatHandler {

    @Override
    public String id() {
        return "android-boot";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "ANDROID!"));
    }

    /** Named parts (name, offset from image start, size) and the total length. */
    private record Layout(List<Object[]> parts, long length, Map<String, Object> info) {
    }

    private static long pages(long size, long page) {
        return (size + page - 1) / page * page;
    }

    private static Layout layout(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 1660)) {
            return null;
        }
        byte[] h = s.bytes(off, 1660);
        int version = (int) Bytes.le32(h, 40);
        Map<String, Object> info = new LinkedHashMap<>();
        List<Object[]> parts = new java.util.ArrayList<>();
        long page;
        long pos;
        if (version >= 3 && version <= 4) {
            page = 4096;
            long kernel = Bytes.le32(h, 8);
            long ramdisk = Bytes.le32(h, 12);
            info.put("cmdline", Bytes.cString(h, 44, 1536));
            pos = page;
            parts.add(new Object[] {"kernel", pos, kernel});
            pos += pages(kernel, page);
            parts.add(new Object[] {"ramdisk", pos, ramdisk});
            pos += pages(ramdisk, page);
        } else if (version >= 0 && version <= 2) {
            page = Bytes.le32(h, 36);
            if (page < 2048 || page > 65536 || Long.bitCount(page) != 1) {
                return null;
            }
            long kernel = Bytes.le32(h, 8);
            long ramdisk = Bytes.le32(h, 16);
            long second = Bytes.le32(h, 24);
            info.put("name", Bytes.cString(h, 48, 16));
            info.put("cmdline", Bytes.cString(h, 64, 512) + Bytes.cString(h, 608, 1024));
            pos = page;
            parts.add(new Object[] {"kernel", pos, kernel});
            pos += pages(kernel, page);
            parts.add(new Object[] {"ramdisk", pos, ramdisk});
            pos += pages(ramdisk, page);
            parts.add(new Object[] {"second", pos, second});
            pos += pages(second, page);
            if (version >= 1) {
                long dtbo = Bytes.le32(h, 1632);
                parts.add(new Object[] {"recovery_dtbo", pos, dtbo});
                pos += pages(dtbo, page);
            }
            if (version == 2) {
                long dtb = Bytes.le32(h, 1648);
                parts.add(new Object[] {"dtb", pos, dtb});
                pos += pages(dtb, page);
            }
        } else {
            return null;
        }
        info.put("headerVersion", version);
        info.put("pageSize", page);
        if (pos > s.size() - off || ((long) parts.get(0)[2]) == 0) {
            return null;
        }
        return new Layout(parts, pos, info);
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Layout l = layout(s, off);
        if (l == null) {
            return Optional.empty();
        }
        return Streams.match(id(), off, l.length, "Android boot image v" + l.info.get("headerVersion"), l.info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Layout l = layout(s, m.offset());
        if (l == null) {
            sink.warn("boot image header no longer valid");
            return;
        }
        for (Object[] p : l.parts) {
            long size = (long) p[2];
            if (size > 0) {
                sink.file((String) p[0], 0644, 0, s.stream(m.offset() + (long) p[1], size));
            }
        }
    }
}
