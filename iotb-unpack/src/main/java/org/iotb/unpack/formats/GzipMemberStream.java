package org.iotb.unpack.formats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;

/**
 * Inflates one gzip member from a {@link ByteSource} and knows exactly where it ended (the inflater's
 * remaining input tells how much of the last read was not deflate data), so the engine can carve on after it.
 */
final class GzipMemberStream extends InputStream {
    private final ByteSource src;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] in = new byte[64 * 1024];
    private long readPos;
    private long outCount;
    private long end = -1;
    private boolean done;
    private String trailerProblem;

    /** @param dataStart where the deflate data begins (after the gzip header) */
    GzipMemberStream(ByteSource src, long dataStart) {
        this.src = src;
        this.readPos = dataStart;
    }

    /** Position just after the member's trailer, or -1 while not finished. */
    long end() {
        return end;
    }

    String trailerProblem() {
        return trailerProblem;
    }

    @Override
    public int read() throws IOException {
        byte[] b = new byte[1];
        int n = read(b, 0, 1);
        return n == 1 ? b[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    outCount += n;
                    return n;
                }
                if (inflater.finished()) {
                    finish();
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new IOException("deflate stream needs a preset dictionary");
                }
                if (inflater.needsInput()) {
                    int r = src.read(readPos, in, 0, in.length);
                    if (r <= 0) {
                        throw new EOFException("gzip stream truncated at offset " + readPos);
                    }
                    readPos += r;
                    inflater.setInput(in, 0, r);
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate data: " + e.getMessage(), e);
        }
    }

    private void finish() throws IOException {
        done = true;
        long dataEnd = readPos - inflater.getRemaining();
        byte[] t = new byte[8];
        int got = 0;
        while (got < 8) {
            int r = src.read(dataEnd + got, t, got, 8 - got);
            if (r <= 0) {
                break;
            }
            got += r;
        }
        if (got < 8) {
            trailerProblem = "gzip trailer missing";
            end = dataEnd + got;
            return;
        }
        end = dataEnd + 8;
        if (Bytes.le32(t, 0) != crc.getValue()) {
            trailerProblem = "gzip CRC mismatch";
        } else if (Bytes.le32(t, 4) != (outCount & 0xffffffffL)) {
            trailerProblem = "gzip size mismatch";
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
