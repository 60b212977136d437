package org.iotb.unpack.formats;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.StoredNames;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * POSIX/GNU tar. Identify checks header checksums and walks the headers to the end-of-archive blocks, so the
 * length is known; entries are read with commons-compress.
 */
public final class TarHandler implements FormatHandler {
    static final int BLOCK = 512;

    @Override
    public String id() {
        return "tar";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.ascii(257, "ustar"));
    }

    static boolean checksumOk(byte[] h) {
        long stored = octal(h, 148, 8);
        if (stored < 0) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += (i >= 148 && i < 156) ? ' ' : h[i];
        }
        return stored == unsigned || stored == signed;
    }

    /** Octal field (NUL/space terminated), or base-256 when the high bit is set; -1 when malformed. */
    static long octal(byte[] h, int off, int len) {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                if (v > (Long.MAX_VALUE >>> 9)) {
                    return -1;
                }
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        boolean any = false;
        int i = off;
        int end = off + len;
        while (i < end && h[i] == ' ') {
            i++;
        }
        for (; i < end; i++) {
            int c = h[i];
            if (c == 0 || c == ' ') {
                break;
            }
            if (c < '0' || c > '7') {
                return -1;
            }
            v = v * 8 + (c - '0');
            any = true;
        }
        return any ? v : 0;
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Length through the end-of-archive marker (or the last valid entry), -1 when the first header is bad. */
    static long length(ByteSource s, long off) throws IOException {
        long pos = off;
        byte[] h = new byte[BLOCK];
        int entries = 0;
        while (Bytes.fits(s, pos, BLOCK)) {
            s.readFully(pos, h, 0, BLOCK);
            if (allZero(h)) {
                long end = pos + BLOCK;
                if (Bytes.fits(s, end, BLOCK)) {
                    end += BLOCK;
                }
                return entries == 0 ? -1 : end - off;
            }
            if (!checksumOk(h)) {
                return entries == 0 ? -1 : pos - off;
            }
            long size = octal(h, 124, 12);
            if (size < 0) {
                return entries == 0 ? -1 : pos - off;
            }
            int type = h[156];
            // links, directories and devices carry no data even when a size is stored
            boolean noData = type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6';
            long data = noData ? 0 : (size + BLOCK - 1) / BLOCK * BLOCK;
            if (data > s.size() - pos) {
                return entries == 0 ? -1 : s.size() - off;
            }
            pos += BLOCK + data;
            entries++;
        }
        return entries == 0 ? -1 : pos - off;
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, BLOCK)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, BLOCK);
        if (!checksumOk(h)) {
            return Optional.empty();
        }
        long len = length(s, off);
        if (len <= 0) {
            return Optional.empty();
        }
        return Streams.match(id(), off, len, "tar archive", Map.of());
    }

    /** Beyond this a sparse member's holes dwarf its data: it is skipped, not expanded. */
    static final long SPARSE_SKIP_FROM = 64L << 20;
    static final long SPARSE_MAX_RATIO = 200;

    /** A GNU or PAX sparse member whose declared size is both large and far beyond the bytes it stores. */
    static boolean hugeSparse(TarArchiveEntry e) {
        boolean sparse = e.isSparse() || e.isGNUSparse() || e.isPaxGNUSparse() || e.isPaxGNU1XSparse()
                || e.isStarSparse() || e.isOldGNUSparse();
        long real = e.getRealSize();
        return sparse && real > SPARSE_SKIP_FROM && real / SPARSE_MAX_RATIO > Math.max(1, e.getSize());
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        List<Long> starts = entryStarts(s, m.offset(), m.length());
        int index = 0; // of the entry the next getNextEntry reads, in starts
        long from = 0;
        while (from >= 0 && !sink.cancelled()) {
            long restart = -1;
            try (TarArchiveInputStream tar = new TarArchiveInputStream(s.stream(m.offset() + from, m.length() - from),
                    "UTF-8")) {
                TarArchiveEntry e;
                while (!sink.cancelled()) {
                    try {
                        e = tar.getNextEntry();
                    } catch (IOException | RuntimeException ex) {
                        // a header commons-compress refuses (e.g. a PAX sparse size beyond an int) must not hide
                        // the entries after it: the header walk knows where the next entry starts
                        if (index + 1 < starts.size()) {
                            sink.warn("tar entry '" + rawName(s, m.offset() + starts.get(index)) + "' unreadable, skipped: "
                                    + ex.getMessage());
                            restart = starts.get(++index);
                        } else {
                            sink.warn("tar header unreadable, stopping: " + ex.getMessage());
                        }
                        break;
                    }
                    if (e == null) {
                        break;
                    }
                    index++;
                    entry(tar, e, sink, index - 1 < starts.size() ? m.offset() + starts.get(index - 1) : -1, s);
                }
            }
            from = restart;
        }
    }

    /**
     * Offsets (relative to the archive) where each entry's headers begin, as getNextEntry meets them: a header
     * that follows a PAX ('x', 'g') or GNU long-name ('L', 'K') header belongs to the same entry.
     */
    static List<Long> entryStarts(ByteSource s, long off, long len) throws IOException {
        List<Long> out = new java.util.ArrayList<>();
        long pos = off;
        long end = off + len;
        byte[] h = new byte[BLOCK];
        boolean meta = false;
        while (pos + BLOCK <= end && out.size() < 10_000_000) {
            s.readFully(pos, h, 0, BLOCK);
            if (allZero(h) || !checksumOk(h)) {
                break;
            }
            long size = octal(h, 124, 12);
            if (size < 0) {
                break;
            }
            if (!meta) {
                out.add(pos - off);
            }
            int type = h[156];
            meta = type == 'x' || type == 'g' || type == 'L' || type == 'K' || type == 'X';
            boolean noData = type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6';
            pos += BLOCK + (noData ? 0 : (size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return out;
    }

    /**
     * The name and link target of the entry whose headers start at {@code header}, as the bytes the archive
     * stores: from its PAX header ("path", "linkpath"), else its GNU long-name headers ('L', 'K'), else its own
     * header (ustar prefix + name, linkname). Either is null when it cannot be read.
     */
    static byte[][] storedNames(ByteSource s, long header) {
        byte[] name = null;
        byte[] link = null;
        try {
            long pos = header;
            for (int i = 0; i < 8 && Bytes.fits(s, pos, BLOCK); i++) {
                byte[] h = s.bytes(pos, BLOCK);
                int type = h[156];
                long size = Math.max(0, octal(h, 124, 12));
                if (type == 'x' || type == 'L' || type == 'K') {
                    if (size > 1 << 20 || !Bytes.fits(s, pos + BLOCK, size)) {
                        return new byte[][] {name, link};
                    }
                    byte[] data = s.bytes(pos + BLOCK, (int) size);
                    if (type == 'x') {
                        byte[] p = paxValue(data, "path");
                        byte[] l = paxValue(data, "linkpath");
                        name = p != null ? p : name;
                        link = l != null ? l : link;
                    } else if (type == 'L' && name == null) {
                        name = java.util.Arrays.copyOf(data, cString(data, 0, data.length));
                    } else if (type == 'K' && link == null) {
                        link = java.util.Arrays.copyOf(data, cString(data, 0, data.length));
                    }
                } else if (type != 'g' && type != 'X') {
                    if (name == null) {
                        byte[] own = java.util.Arrays.copyOfRange(h, 0, cString(h, 0, 100));
                        int prefix = cString(h, 345, 155) - 345;
                        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
                        if (ustar && prefix > 0) {
                            byte[] joined = new byte[prefix + 1 + own.length];
                            System.arraycopy(h, 345, joined, 0, prefix);
                            joined[prefix] = '/';
                            System.arraycopy(own, 0, joined, prefix + 1, own.length);
                            own = joined;
                        }
                        name = own;
                    }
                    if (link == null) {
                        link = java.util.Arrays.copyOfRange(h, 157, cString(h, 157, 100));
                    }
                    return new byte[][] {name, link};
                }
                pos += BLOCK + (size + BLOCK - 1) / BLOCK * BLOCK;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: what was found so far
        }
        return new byte[][] {name, link};
    }

    /** ASCII without '?' (what a fallback charset puts for a byte it cannot map). */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80 || s.charAt(i) == '?') {
                return false;
            }
        }
        return true;
    }

    /** End of the NUL-terminated string starting at {@code off} within {@code max} bytes. */
    private static int cString(byte[] b, int off, int max) {
        int k = off;
        while (k < off + max && k < b.length && b[k] != 0) {
            k++;
        }
        return k;
    }

    /** The raw value of {@code key} in PAX extended-header records ("len key=value\n"), or null. */
    static byte[] paxValue(byte[] data, String key) {
        byte[] k = (key + "=").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int pos = 0;
        while (pos < data.length) {
            int sp = pos;
            int len = 0;
            while (sp < data.length && data[sp] >= '0' && data[sp] <= '9' && len < 1 << 24) {
                len = len * 10 + (data[sp++] - '0');
            }
            if (sp >= data.length || data[sp] != ' ' || len <= 0 || pos + len > data.length) {
                return null;
            }
            int at = sp + 1;
            int end = pos + len - 1; // the record's closing newline
            if (end - at >= k.length && java.util.Arrays.equals(data, at, at + k.length, k, 0, k.length)) {
                return java.util.Arrays.copyOfRange(data, at + k.length, end);
            }
            pos += len;
        }
        return null;
    }

    /** The name in the entry's own header (past its PAX and long-name headers), for warnings. */
    private static String rawName(ByteSource s, long header) {
        try {
            long pos = header;
            for (int i = 0; i < 8 && Bytes.fits(s, pos, BLOCK); i++) {
                byte[] h = s.bytes(pos, BLOCK);
                int type = h[156];
                if (type != 'x' && type != 'g' && type != 'L' && type != 'K' && type != 'X') {
                    int k = 0;
                    while (k < 100 && h[k] != 0) {
                        k++;
                    }
                    return new String(h, 0, k, java.nio.charset.StandardCharsets.UTF_8);
                }
                pos += BLOCK + (Math.max(0, octal(h, 124, 12)) + BLOCK - 1) / BLOCK * BLOCK;
            }
        } catch (IOException e) {
            // no name
        }
        return "?";
    }

    private static void entry(TarArchiveInputStream tar, TarArchiveEntry e, ExtractionSink sink, long header,
                              ByteSource s) throws IOException {
        String name = e.getName();
        String link = e.getLinkName();
        if (header >= 0 && (!ascii(name) || link != null && !ascii(link))) {
            // bytes that are not UTF-8 come out of commons-compress as U+FFFD (a PAX path), or through its fallback
            // charset (a ustar name): one char per byte, or '?' under LC_ALL=C. Either way the stored bytes are
            // lost, so they are read from the headers again
            byte[][] stored = storedNames(s, header);
            String n = stored[0] == null ? null : StoredNames.decode(stored[0]);
            if (n != null && StoredNames.hasRawBytes(n)) {
                name = n;
            }
            String l = stored[1] == null || link == null ? null : StoredNames.decode(stored[1]);
            if (l != null && StoredNames.hasRawBytes(l)) {
                link = l;
            }
        }
        int mode = e.getMode() & 07777;
        long mtime = e.getModTime().getTime() / 1000;
        if (e.isDirectory()) {
            sink.directory(name, mode, mtime);
        } else if (e.isSymbolicLink()) {
            sink.symlink(name, link, mode);
        } else if (e.isLink()) {
            sink.hardlink(name, link);
        } else if (e.isCharacterDevice()) {
            sink.special(name, 'c', e.getDevMajor(), e.getDevMinor(), mode);
        } else if (e.isBlockDevice()) {
            sink.special(name, 'b', e.getDevMajor(), e.getDevMinor(), mode);
        } else if (e.isFIFO()) {
            sink.special(name, 'p', 0, 0, mode);
        } else if (e.isFile() && hugeSparse(e)) {
            // expanding it would trip the container's ratio limit and so end the whole archive
            sink.warn("tar entry '" + name + "' skipped: sparse member declares " + e.getRealSize()
                    + " bytes for " + e.getSize() + " stored");
        } else if (e.isFile()) {
            sink.file(name, mode, mtime, tar);
        } else {
            sink.warn("tar entry '" + name + "' of type '" + (char) e.getLinkFlag() + "' skipped");
        }
    }
}
