package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.iotb.unpack.spi.ExtractionSink;

/**
 * Shared parts of the MCU text formats (Intel HEX, Motorola S-record): bounded line reading, hex decoding,
 * and a writer that turns address/data records into one file per contiguous segment.
 */
final class TextRecords {
    static final int MAX_LINE = 1024;
    static final int MAX_SEGMENT = 16 * 1024 * 1024;

    private TextRecords() {
    }

    /** The next line without its end-of-line, null at the end; longer lines are an error. */
    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return sb.toString();
            }
            if (c != '\r') {
                if (sb.length() >= MAX_LINE) {
                    throw new IOException("line longer than " + MAX_LINE + " characters");
                }
                sb.append((char) c);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Hex pairs from {@code from} to the end of {@code s}, or null when not hex. */
    static byte[] hex(String s, int from) {
        int n = s.length() - from;
        if (n < 0 || n % 2 != 0) {
            return null;
        }
        byte[] b = new byte[n / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(s.charAt(from + 2 * i), 16);
            int lo = Character.digit(s.charAt(from + 2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    /** Collects data records; each contiguous run becomes one file named by its start address. */
    static final class SegmentWriter {
        private final ExtractionSink sink;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private long start = -1;
        private int segments;

        SegmentWriter(ExtractionSink sink) {
            this.sink = sink;
        }

        void data(long address, byte[] d, int off, int len) throws IOException {
            if (start < 0 || address != start + buf.size() || buf.size() + len > MAX_SEGMENT) {
                flush();
                start = address;
            }
            buf.write(d, off, len);
        }

        void flush() throws IOException {
            if (start >= 0 && buf.size() > 0) {
                sink.file(String.format("0x%08x.bin", start), 0644, 0, new ByteArrayInputStream(buf.toByteArray()));
                segments++;
            }
            buf.reset();
            start = -1;
        }

        int segments() {
            return segments;
        }
    }
}
