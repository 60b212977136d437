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
                    entry(tar, e, sink);
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

    private static void entry(TarArchiveInputStream tar, TarArchiveEntry e, ExtractionSink sink) throws IOException {
        String name = e.getName();
        int mode = e.getMode() & 07777;
        long mtime = e.getModTime().getTime() / 1000;
        if (e.isDirectory()) {
            sink.directory(name, mode, mtime);
        } else if (e.isSymbolicLink()) {
            sink.symlink(name, e.getLinkName(), mode);
        } else if (e.isLink()) {
            sink.hardlink(name, e.getLinkName());
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
