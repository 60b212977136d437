package org.iotb.unpack.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.SourceChannel;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.StoredNames;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * ZIP: found at a local file header, bounded by the end-of-central-directory record whose offsets agree with
 * the carved start. Entries are read through the central directory with commons-compress; Unix symlinks are
 * recorded as links, encrypted or unsupported entries are skipped with a warning.
 */
public final class ZipHandler implements FormatHandler {
    private static final byte[] EOCD = {0x50, 0x4b, 0x05, 0x06};
    static final long MAX_EOCD_SEARCH = 1L << 30;

    @Override
    public String id() {
        return "zip";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x50, 0x4b, 0x03, 0x04));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 30 + 22)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 30);
        int version = Bytes.le16(h, 4);
        int method = Bytes.le16(h, 8);
        int nameLen = Bytes.le16(h, 26);
        if ((version & 0xff) > 63 || nameLen == 0 || nameLen > 4096
                || !(method == 0 || method == 8 || method == 9 || method == 12 || method == 14 || method == 93
                || method == 95 || method == 99 || method == 1 || method == 6)) {
            return Optional.empty();
        }
        long end = findEnd(s, off);
        if (end < 0) {
            // no central directory (truncated, or a carved fragment): read the local headers in order
            if (!plausibleLocalHeader(s, off, h)) {
                return Optional.empty();
            }
            return Streams.match(id(), off, -1, "Zip archive without central directory", Map.of("streaming", true));
        }
        return Streams.match(id(), off, end - off, "Zip archive", Map.of());
    }

    /**
     * Without a central directory to confirm it, a local header must look real: a printable name and, unless
     * sizes follow in a data descriptor, compressed data that fits in the source.
     */
    private static boolean plausibleLocalHeader(ByteSource s, long off, byte[] h) throws IOException {
        int flags = Bytes.le16(h, 6);
        long compressed = Bytes.le32(h, 18);
        int nameLen = Bytes.le16(h, 26);
        int extraLen = Bytes.le16(h, 28);
        if (!Bytes.fits(s, off + 30, nameLen)) {
            return false;
        }
        for (byte b : s.bytes(off + 30, nameLen)) {
            if ((b & 0xff) < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return (flags & 8) != 0 || Bytes.fits(s, off + 30 + nameLen + extraLen, compressed);
    }

    /** End of the archive (after the EOCD record and comment) whose central directory fits {@code off}. */
    static long findEnd(ByteSource s, long off) throws IOException {
        byte[] buf = new byte[64 * 1024 + 3];
        long limit = Math.min(s.size(), off + MAX_EOCD_SEARCH);
        for (long pos = off + 30; pos < limit; pos += 64 * 1024) {
            int n = s.read(pos, buf, 0, (int) Math.min(buf.length, s.size() - pos));
            if (n < 4) {
                return -1;
            }
            for (int i = 0; i + 4 <= n; i++) {
                if (buf[i] == EOCD[0] && buf[i + 1] == EOCD[1] && buf[i + 2] == EOCD[2] && buf[i + 3] == EOCD[3]) {
                    long at = pos + i;
                    if (!Bytes.fits(s, at, 22)) {
                        return -1;
                    }
                    byte[] e = s.bytes(at, 22);
                    long cdSize = Bytes.le32(e, 12);
                    long cdOffset = Bytes.le32(e, 16);
                    int comment = Bytes.le16(e, 20);
                    boolean zip64 = cdOffset == 0xffffffffL || cdSize == 0xffffffffL;
                    if ((zip64 || off + cdOffset + cdSize == at) && Bytes.fits(s, at, 22L + comment)) {
                        return at + 22 + comment;
                    }
                }
            }
        }
        return -1;
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        if (m.length() <= 0) {
            streaming(s, m, sink);
            return;
        }
        ByteSource zipBytes = s.slice(m.offset(), m.length());
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SourceChannel(zipBytes))
                .setUseUnicodeExtraFields(true).setCharset(StandardCharsets.ISO_8859_1).get()) {
            Enumeration<ZipArchiveEntry> en = zip.getEntriesInPhysicalOrder();
            while (en.hasMoreElements() && !sink.cancelled()) {
                ZipArchiveEntry e = en.nextElement();
                entry(zip, e, sink);
            }
        }
    }

    /** Local headers one after another, as far as they go; the engine learns where the readable part ended. */
    private static void streaming(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        sink.warn("no central directory found; reading local headers in order (a partial or truncated archive)");
        org.iotb.unpack.io.CursorStream cur = new org.iotb.unpack.io.CursorStream(s, m.offset());
        try (org.apache.commons.compress.archivers.zip.ZipArchiveInputStream zin =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(cur, "ISO-8859-1", true, true)) {
            while (!sink.cancelled()) {
                ZipArchiveEntry e;
                try {
                    e = zin.getNextEntry();
                } catch (IOException | RuntimeException ex) {
                    sink.warn("zip local header unreadable, stopping: " + ex.getMessage());
                    break;
                }
                if (e == null) {
                    break;
                }
                String name = storedName(e);
                if (e.isDirectory()) {
                    sink.directory(name, 0755, e.getTime() / 1000);
                } else if (!zin.canReadEntryData(e)) {
                    sink.warn("zip entry '" + name + "' skipped: encrypted or unsupported");
                } else {
                    int mode = e.getUnixMode() == 0 ? 0644 : e.getUnixMode() & 07777;
                    sink.file(name, mode, e.getTime() / 1000, zin);
                }
            }
        }
        sink.extent(Math.max(1, cur.position() - m.offset()));
    }

    /**
     * The entry's name: read as ISO-8859-1 (its bytes, one char each) unless flagged UTF-8 or given in a Unicode
     * extra field, then decoded by {@link StoredNames}: UTF-8 as such, other bytes (a CP437 or Shift-JIS name)
     * kept and recorded rather than turned into U+FFFD.
     */
    static String storedName(ZipArchiveEntry e) {
        return e.getNameSource() == ZipArchiveEntry.NameSource.NAME ? StoredNames.decodeLatin1(e.getName()) : e.getName();
    }

    private static void entry(ZipFile zip, ZipArchiveEntry e, ExtractionSink sink) throws IOException {
        String name = storedName(e);
        int unixMode = e.getUnixMode();
        int mode = unixMode == 0 ? (e.isDirectory() ? 0755 : 0644) : unixMode & 07777;
        long mtime = e.getTime() / 1000;
        if (e.isDirectory()) {
            sink.directory(name, mode, mtime);
            return;
        }
        if (!zip.canReadEntryData(e)) {
            sink.warn("zip entry '" + name + "' skipped: encrypted or unsupported compression method " + e.getMethod());
            return;
        }
        try (InputStream in = zip.getInputStream(e)) {
            if (e.isUnixSymlink()) {
                byte[] t = in.readNBytes(CpioHandler.MAX_SYMLINK);
                sink.symlink(name, StoredNames.decode(t), mode);
            } else {
                sink.file(name, mode, mtime, in);
            }
        } catch (IOException | RuntimeException ex) {
            sink.warn("zip entry '" + name + "' unreadable: " + ex.getMessage());
        }
    }
}
