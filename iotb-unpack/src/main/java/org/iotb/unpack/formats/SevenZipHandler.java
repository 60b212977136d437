package org.iotb.unpack.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.SourceChannel;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** 7z via commons-compress; the start header's CRC and next-header location give a validated length. */
public final class SevenZipHandler implements FormatHandler {
    static final int MEMORY_LIMIT_KIB = 256 * 1024;

    @Override
    public String id() {
        return "7z";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, 32)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, 32);
        if (h[6] != 0 || Bytes.crc32(h, 12, 20) != Bytes.le32(h, 8)) {
            return Optional.empty();
        }
        long nextOff = Bytes.le64(h, 12);
        long nextSize = Bytes.le64(h, 20);
        if (nextOff < 0 || nextSize <= 0 || nextSize > (1 << 30) || nextOff > s.size() - off - 32 - nextSize) {
            return Optional.empty();
        }
        return Streams.match(id(), off, 32 + nextOff + nextSize, "7-zip archive", Map.of("version", h[7]));
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        try (SevenZFile z = SevenZFile.builder().setSeekableByteChannel(new SourceChannel(s.slice(m.offset(), m.length())))
                .setMaxMemoryLimitKiB(MEMORY_LIMIT_KIB).get()) {
            SevenZArchiveEntry e;
            while (!sink.cancelled()) {
                try {
                    e = z.getNextEntry();
                } catch (IOException | RuntimeException ex) {
                    sink.warn("7z entry unreadable, stopping: " + ex.getMessage());
                    return;
                }
                if (e == null) {
                    return;
                }
                long mtime = e.getHasLastModifiedDate() ? e.getLastModifiedDate().getTime() / 1000 : 0;
                if (e.isDirectory()) {
                    sink.directory(e.getName(), 0755, mtime);
                } else if (!e.hasStream()) {
                    sink.file(e.getName(), 0644, mtime, InputStream.nullInputStream());
                } else {
                    sink.file(e.getName(), 0644, mtime, new EntryStream(z));
                }
            }
        }
    }

    /** The current entry's bytes (SevenZFile reads the current entry through its own read methods). */
    private static final class EntryStream extends InputStream {
        private final SevenZFile z;

        EntryStream(SevenZFile z) {
            this.z = z;
        }

        @Override
        public int read() throws IOException {
            return z.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return z.read(b, off, len);
        }
    }
}
