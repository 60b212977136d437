package org.iotb.unpack.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * PFS/0.9, the flat web file system of Arcadyan-built routers (Linksys WRT120N, some Belkin/Netgear/Thomson builds):
 * the pages the embedded web server serves. The layout, as documented by binwalk's PFS extractor and unblob/BANG's
 * {@code pfs} and {@code pfs_40} descriptions, is a table and then the file data:
 * <pre>
 *   0   "PFS/0.9\0"                    8 bytes
 *   8   reserved                       6 bytes
 *   14  number of entries              u16 little-endian
 *   16  entries: name (NUL-padded, '\'-separated DOS path; the field is 128 bytes wide, 40 in older builds),
 *                u32 inode, u32 data offset (from the end of the table), u32 data size
 *   ... the files' data
 * </pre>
 * The name width is not stated anywhere: it is the width for which every entry reads as a printable name
 * and every data range lies inside the file without overlapping another. A file with no entries, a name that is not
 * printable or a data range outside the file is not PFS. Names are written as given, '\' turned into '/'; the sink
 * refuses a name that climbs out with {@code ..} (the binwalk path-traversal CVE-2022-4510 came through a PFS name).
 */
public final class PfsHandler implements FormatHandler {
    static final byte[] MAGIC = "PFS/0.9\0".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 16;
    /** After the name: inode, data offset, data size. */
    static final int FIELDS = 12;
    /** Name widths seen in the wild (unblob's pfs and pfs_40). */
    static final int[] KNOWN_WIDTHS = {128, 40};
    static final int MAX_WIDTH = 256;

    /** One file of the table: its name as stored, where its data starts (absolute in the source) and its size. */
    record Entry(String name, long dataAt, long size) {
    }

    /** A table read with one name width: its entries and where the last data byte ends (absolute). */
    record Table(int width, List<Entry> entries, long end) {
    }

    @Override
    public String id() {
        return "pfs";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 'P', 'F', 'S', '/', '0', '.', '9', 0));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Table t = read(s, off);
        if (t == null) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("entries", t.entries().size());
        info.put("nameWidth", t.width());
        return Streams.match(id(), off, t.end() - off, "PFS/0.9 web file system, " + t.entries().size() + " files", info);
    }

    /** The table at {@code off}, or null when no name width gives a consistent one. */
    static Table read(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, HEADER)) {
            return null;
        }
        byte[] h = s.bytes(off, HEADER);
        for (int i = 0; i < MAGIC.length; i++) {
            if (h[i] != MAGIC[i]) {
                return null;
            }
        }
        int count = Bytes.le16(h, 14);
        if (count == 0) {
            return null;
        }
        for (int width : widths(s, off)) {
            Table t = read(s, off, count, width);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The known widths, then the one binwalk guesses: the first name plus the NUL bytes that pad it. */
    private static Set<Integer> widths(ByteSource s, long off) throws IOException {
        Set<Integer> out = new LinkedHashSet<>();
        for (int w : KNOWN_WIDTHS) {
            out.add(w);
        }
        int n = (int) Math.min(MAX_WIDTH, s.size() - off - HEADER);
        byte[] b = s.bytes(off + HEADER, n);
        int i = 0;
        while (i < n && b[i] != 0) {
            i++;
        }
        while (i < n && b[i] == 0) {
            i++;
        }
        if (i >= 4 && i < n) {
            out.add(i);
        }
        return out;
    }

    private static Table read(ByteSource s, long off, int count, int width) throws IOException {
        int node = width + FIELDS;
        long tableEnd = off + HEADER + (long) count * node;
        if (tableEnd > s.size()) {
            return null;
        }
        byte[] table = s.bytes(off + HEADER, (int) (tableEnd - off - HEADER));
        List<Entry> entries = new ArrayList<>(count);
        long available = s.size() - tableEnd;
        for (int k = 0; k < count; k++) {
            int at = k * node;
            String name = name(table, at, width);
            long offset = Bytes.le32(table, at + width + 4);
            long size = Bytes.le32(table, at + width + 8);
            if (name == null || offset > available || size > available - offset) {
                return null;
            }
            entries.add(new Entry(name, tableEnd + offset, size));
        }
        // a wrong width reads names and numbers out of step: their data ranges then overlap or leave the file
        List<Entry> byStart = new ArrayList<>(entries);
        byStart.sort(Comparator.comparingLong(Entry::dataAt));
        long end = tableEnd;
        for (Entry e : byStart) {
            if (e.dataAt() < end && e.size() > 0) {
                return null;
            }
            end = Math.max(end, e.dataAt() + e.size());
        }
        return new Table(width, List.copyOf(entries), end);
    }

    /** The printable NUL-terminated name at the start of a field, or null. */
    static String name(byte[] b, int at, int width) {
        int len = 0;
        while (len < width && b[at + len] != 0) {
            int c = b[at + len] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
            len++;
        }
        if (len == 0 || len == width) {
            return null;
        }
        return new String(b, at, len, StandardCharsets.US_ASCII);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Table t = read(s, m.offset());
        if (t == null) {
            sink.warn("PFS table no longer reads");
            return;
        }
        for (Entry e : t.entries()) {
            if (sink.cancelled()) {
                return;
            }
            // a DOS path as stored; the sink makes it relative and refuses any '..'
            sink.file(e.name().replace('\\', '/'), 0644, 0, s.stream(e.dataAt(), e.size()));
        }
    }
}
