package org.iotb.unpack.formats;

import java.io.IOException;
import java.io.InputStream;
import org.iotb.unpack.spi.ExtractionSink;

/** A sink that reads and discards, with a byte cap, so fuzzing exercises the readers and not the disk. */
final class DrainSink implements ExtractionSink {
    static final long CAP = 16L << 20;
    long bytes;
    int entries;
    int warnings;

    @Override
    public void directory(String path, int mode, long mtimeSeconds) {
        entries++;
    }

    @Override
    public boolean file(String path, int mode, long mtimeSeconds, InputStream content) throws IOException {
        entries++;
        byte[] buf = new byte[8192];
        int n;
        while (bytes < CAP && (n = content.read(buf, 0, (int) Math.min(buf.length, CAP - bytes))) > 0) {
            bytes += n;
        }
        return bytes < CAP;
    }

    @Override
    public void symlink(String path, String target, int mode) {
        entries++;
    }

    @Override
    public void hardlink(String path, String target) {
        entries++;
    }

    @Override
    public void special(String path, char type, int major, int minor, int mode) {
        entries++;
    }

    @Override
    public void warn(String message) {
        warnings++;
    }

    @Override
    public boolean cancelled() {
        return bytes >= CAP || entries > 100_000;
    }
}
