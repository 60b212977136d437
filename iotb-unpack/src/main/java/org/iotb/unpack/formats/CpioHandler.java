package org.iotb.unpack.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.StoredNames;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * cpio in its four formats: newc (070701), crc (070702), odc (070707) and old binary (either byte order).
 * Identify walks the headers to the TRAILER!!! entry, so the length is known and the walk proves the structure.
 * Hard links are recorded as such (newc stores the data on the last link only).
 */
public final class CpioHandler implements FormatHandler {
    static final int MAX_NAME = 4096;
    static final int MAX_SYMLINK = 4096;

    @Override
    public String id() {
        return "cpio";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(0, "07070"), Magic.of(0, 0xc7, 0x71), Magic.of(0, 0x71, 0xc7));
    }

    /** One parsed header: where the next header starts, name, and whether it is the trailer. */
    private record Step(long next, String name, String variant) {
    }

    private static long hex(byte[] b, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static long oct(byte[] b, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 7) {
                return -1;
            }
            v = v * 8 + d;
        }
        return v;
    }

    private static long align(long v, int a) {
        return (v + a - 1) / a * a;
    }

    private static Step step(ByteSource s, long base, long pos) throws IOException {
        if (!Bytes.fits(s, pos, 26)) {
            return null;
        }
        byte[] m = s.bytes(pos, 6);
        long nameSize;
        long fileSize;
        long nameAt;
        long dataAt;
        String variant;
        boolean newc = m[0] == '0' && m[1] == '7' && m[2] == '0' && m[3] == '7' && m[4] == '0'
                && (m[5] == '1' || m[5] == '2');
        if (newc) {
            if (!Bytes.fits(s, pos, 110)) {
                return null;
            }
            byte[] h = s.bytes(pos, 110);
            nameSize = hex(h, 94, 8);
            fileSize = hex(h, 54, 8);
            if (nameSize < 1 || fileSize < 0 || hex(h, 6, 104) < 0) {
                return null;
            }
            nameAt = pos + 110;
            dataAt = base + align(nameAt + nameSize - base, 4);
            variant = m[5] == '1' ? "newc" : "crc";
            return finish(s, nameAt, nameSize, dataAt, base + align(dataAt + fileSize - base, 4),
                    variant);
        }
        if (m[0] == '0' && m[1] == '7' && m[2] == '0' && m[3] == '7' && m[4] == '0' && m[5] == '7') {
            if (!Bytes.fits(s, pos, 76)) {
                return null;
            }
            byte[] h = s.bytes(pos, 76);
            nameSize = oct(h, 59, 6);
            fileSize = oct(h, 65, 11);
            if (nameSize < 1 || fileSize < 0 || oct(h, 6, 53) < 0) {
                return null;
            }
            nameAt = pos + 76;
            dataAt = nameAt + nameSize;
            return finish(s, nameAt, nameSize, dataAt, dataAt + fileSize, "odc");
        }
        boolean le = (m[0] & 0xff) == 0xc7 && (m[1] & 0xff) == 0x71;
        boolean be = (m[0] & 0xff) == 0x71 && (m[1] & 0xff) == 0xc7;
        if (!le && !be) {
            return null;
        }
        byte[] h = s.bytes(pos, 26);
        nameSize = le ? Bytes.le16(h, 20) : Bytes.be16(h, 20);
        int hi = le ? Bytes.le16(h, 22) : Bytes.be16(h, 22);
        int lo = le ? Bytes.le16(h, 24) : Bytes.be16(h, 24);
        fileSize = ((long) hi << 16) | lo;
        if (nameSize < 1) {
            return null;
        }
        nameAt = pos + 26;
        dataAt = base + align(nameAt + nameSize - base, 2);
        return finish(s, nameAt, nameSize, dataAt, base + align(dataAt + fileSize - base, 2),
                le ? "binary-le" : "binary-be");
    }

    private static Step finish(ByteSource s, long nameAt, long nameSize, long dataAt, long next, String variant)
            throws IOException {
        if (nameSize > MAX_NAME || !Bytes.fits(s, nameAt, nameSize) || next > s.size() || next <= nameAt) {
            return null;
        }
        byte[] n = s.bytes(nameAt, (int) nameSize);
        // every real entry has a name (the root is "."): an empty one is a magic met by chance in other data
        if (n[n.length - 1] != 0 || n.length < 2 || n[0] == 0) {
            return null;
        }
        return new Step(next, new String(n, 0, n.length - 1, StandardCharsets.UTF_8), variant);
    }

    /**
     * Walks the headers: {length through the trailer or through the last whole entry, entries, 1 if the trailer
     * was reached}; null when not even the first entry is whole.
     */
    static long[] walk(ByteSource s, long off) throws IOException {
        long pos = off;
        for (int entries = 0; entries < 10_000_000; entries++) {
            Step st = step(s, off, pos);
            if (st == null) {
                return entries == 0 ? null : new long[] {pos - off, entries, 0};
            }
            pos = st.next;
            if (st.name.equals("TRAILER!!!")) {
                return new long[] {pos - off, entries, 1};
            }
        }
        return null;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Step first = step(s, off, off);
        if (first == null) {
            return Optional.empty();
        }
        long[] w = walk(s, off);
        if (w == null) {
            return Optional.empty();
        }
        // a cpio cut short (no trailer) still gives the entries that are whole
        return Streams.match(id(), off, w[0], "cpio archive (" + first.variant + ")" + (w[2] == 1 ? "" : ", truncated"),
                Map.of("variant", first.variant, "entries", w[1], "truncated", w[2] == 0));
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Map<String, String> firstByInode = new HashMap<>();
        Map<String, List<String[]>> pending = new LinkedHashMap<>();
        List<Long> headers = headerOffsets(s, m.offset());
        int index = 0; // of the entry the next getNextEntry reads, in headers
        long start = 0;
        while (start >= 0 && !sink.cancelled()) {
            long restart = -1;
            try (CpioArchiveInputStream cpio = new CpioArchiveInputStream(open(s, m, start, headers), "ISO-8859-1")) {
                while (!sink.cancelled()) {
                    CpioArchiveEntry e;
                    try {
                        e = cpio.getNextEntry();
                    } catch (IOException | RuntimeException ex) {
                        // one header commons-compress refuses (e.g. an unknown file type) must not hide the
                        // entries after it: our own walk knows where the next header starts
                        String name = index < headers.size() ? nameAt(s, m.offset(), headers.get(index)) : "?";
                        if (index + 1 < headers.size()) {
                            sink.warn("cpio entry '" + name + "' unreadable, skipped: " + ex.getMessage());
                            restart = headers.get(++index);
                        } else {
                            sink.warn("cpio header unreadable, stopping: " + ex.getMessage());
                        }
                        break;
                    }
                    if (e == null) {
                        break;
                    }
                    index++;
                    entry(cpio, e, sink, firstByInode, pending);
                }
            }
            start = restart;
        }
        // links whose data never came: empty files, as cpio itself makes them
        for (List<String[]> names : pending.values()) {
            for (String[] n : names) {
                sink.file(n[0], Integer.parseInt(n[1]), Long.parseLong(n[2]), InputStream.nullInputStream());
            }
        }
    }

    private static void entry(CpioArchiveInputStream cpio, CpioArchiveEntry e, ExtractionSink sink,
                              Map<String, String> firstByInode, Map<String, List<String[]>> pending)
            throws IOException {
        String name = StoredNames.decodeLatin1(e.getName()); // read 8-bit-transparent: a non-UTF-8 name keeps its bytes
        int mode = (int) (e.getMode() & 07777);
        long mtime = e.getTime();
        if (e.isDirectory()) {
            sink.directory(name, mode, mtime);
        } else if (e.isSymbolicLink()) {
            byte[] t = cpio.readNBytes((int) Math.min(MAX_SYMLINK, Math.max(0, e.getSize())));
            sink.symlink(name, StoredNames.decode(t), mode);
        } else if (e.isCharacterDevice() || e.isBlockDevice()) {
            int[] dev = rdev(e);
            sink.special(name, e.isCharacterDevice() ? 'c' : 'b', dev[0], dev[1], mode);
        } else if (e.isPipe()) {
            sink.special(name, 'p', 0, 0, mode);
        } else if (e.isSocket()) {
            sink.special(name, 's', 0, 0, mode);
        } else if (e.isRegularFile()) {
            if (e.getNumberOfLinks() > 1) {
                String key = inodeKey(e);
                String first = firstByInode.get(key);
                if (first != null) {
                    sink.hardlink(name, first);
                    return;
                }
                if (e.getSize() == 0) {
                    pending.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new String[] {name, Integer.toString(mode), Long.toString(mtime)});
                    return;
                }
                sink.file(name, mode, mtime, cpio);
                firstByInode.put(key, name);
                List<String[]> waiting = pending.remove(key);
                if (waiting != null) {
                    for (String[] w : waiting) {
                        sink.hardlink(w[0], name);
                    }
                }
                return;
            }
            sink.file(name, mode, mtime, cpio);
        } else {
            sink.warn("cpio entry '" + name + "' of unknown type " + Long.toOctalString(e.getMode()) + " skipped");
        }
    }

    private static String inodeKey(CpioArchiveEntry e) {
        try {
            return e.getDeviceMaj() + ":" + e.getDeviceMin() + ":" + e.getInode();
        } catch (UnsupportedOperationException x) {
            return e.getDevice() + ":" + e.getInode();
        }
    }

    private static int[] rdev(CpioArchiveEntry e) {
        try {
            return new int[] {(int) e.getRemoteDeviceMaj(), (int) e.getRemoteDeviceMin()};
        } catch (UnsupportedOperationException x) {
            long r = e.getRemoteDevice();
            return new int[] {(int) ((r >> 8) & 0xff), (int) (r & 0xff)};
        }
    }

    /** Offsets (relative to the archive) of every header in order, from the same walk identify did. */
    private static List<Long> headerOffsets(ByteSource s, long off) throws IOException {
        List<Long> out = new ArrayList<>();
        long pos = off;
        while (out.size() < 10_000_000) {
            Step st = step(s, off, pos);
            if (st == null) {
                break;
            }
            out.add(pos - off);
            if (st.name.equals("TRAILER!!!")) {
                break;
            }
            pos = st.next;
        }
        return out;
    }

    /** The archive's bytes from {@code start} (a header offset relative to the archive) to its end. */
    private static InputStream open(ByteSource s, Match m, long start, List<Long> headers) throws IOException {
        InputStream raw = s.stream(m.offset() + start, m.length() - start);
        if ("crc".equals(m.info().get("variant"))) {
            java.util.Set<Long> shifted = new java.util.HashSet<>();
            for (long h : headers) {
                if (h >= start) {
                    shifted.add(h - start);
                }
            }
            raw = new CrcAsNewc(raw, shifted);
        }
        return raw;
    }

    private static String nameAt(ByteSource s, long off, long header) {
        try {
            Step st = step(s, off, off + header);
            return st == null ? "?" : st.name;
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Presents a "crc" archive as "newc" (same layout, no checksum check): GNU cpio stores the file's checksum
     * on every hard-link entry, including the empty ones, which commons-compress then rejects.
     */
    private static final class CrcAsNewc extends java.io.FilterInputStream {
        private final java.util.Set<Long> headers;
        private long pos;

        CrcAsNewc(InputStream in, java.util.Set<Long> headers) {
            super(in);
            this.headers = headers;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                b = patch(pos, b);
                pos++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) patch(pos + i, b[off + i] & 0xff);
            }
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        private int patch(long at, int b) {
            return b == '2' && headers.contains(at - 5) ? '1' : b;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            pos += k;
            return k;
        }
    }
}
