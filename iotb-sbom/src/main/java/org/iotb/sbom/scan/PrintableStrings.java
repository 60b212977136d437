package org.iotb.sbom.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Extracts runs of printable ASCII from binary data, like {@code strings -n 4}, in one pass over a fixed buffer.
 * Only runs at least {@code minLength} long become Strings, and a run is cut at {@code maxLength} characters (the
 * rest of the run is skipped) so a hostile file of a billion 'A's costs no memory.
 */
public final class PrintableStrings {
    /** Receives each string with the byte offset where it starts. */
    public interface Sink {
        void accept(String s, long offset);
    }

    private final int minLength;
    private final int maxLength;

    public PrintableStrings(int minLength, int maxLength) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("bad lengths " + minLength + "/" + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** Reads at most {@code maxBytes} from {@code in}; returns the number of bytes read. */
    public long extract(InputStream in, long maxBytes, Sink sink) throws IOException {
        byte[] buf = new byte[64 * 1024];
        byte[] run = new byte[maxLength];
        int runLen = 0;
        long runStart = 0;
        boolean overflow = false;
        long pos = 0;
        while (pos < maxBytes) {
            int want = (int) Math.min(buf.length, maxBytes - pos);
            int n = in.read(buf, 0, want);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xff;
                if ((b >= 0x20 && b < 0x7f) || b == '\t') {
                    if (runLen == 0 && !overflow) {
                        runStart = pos + i;
                    }
                    if (runLen < maxLength) {
                        run[runLen++] = (byte) b;
                    } else {
                        overflow = true;
                    }
                } else {
                    if (runLen >= minLength) {
                        sink.accept(new String(run, 0, runLen, StandardCharsets.ISO_8859_1), runStart);
                    }
                    runLen = 0;
                    overflow = false;
                }
            }
            pos += n;
        }
        if (runLen >= minLength) {
            sink.accept(new String(run, 0, runLen, StandardCharsets.ISO_8859_1), runStart);
        }
        return pos;
    }
}
