package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * U-Boot environment block: CRC-32 (little-endian), an optional flags byte (redundant environments), then
 * "name=value\0" strings ending in "\0\0", padded to the environment size, which the CRC covers. The block has
 * no magic, so common variable names are searched; from a hit the handler walks back to the start of the
 * strings and accepts the block only when the CRC matches for one of the usual sizes or the rest of the
 * source. Only CRC-valid blocks count: a default environment compiled into U-Boot is not one.
 */
public final class UBootEnvHandler implements FormatHandler {
    static final long[] SIZES = {0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x10000, 0x20000, 0x40000};
    static final int MAX_BACK = 0x40000;
    private static final String[] VARS = {"bootcmd=", "bootdelay=", "baudrate=", "bootargs=", "ethaddr=",
        "ipaddr=", "serverip=", "stdin=", "loadaddr=", "bootfile="};

    @Override
    public String id() {
        return "uboot-env";
    }

    @Override
    public List<Magic> magics() {
        return java.util.Arrays.stream(VARS).map(v -> Magic.ascii(0, v)).toList();
    }

    private static boolean envChar(int c) {
        return c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public Optional<Match> identify(ByteSource s, long hit) throws IOException {
        long from = Math.max(0, hit - MAX_BACK);
        byte[] back = s.bytes(from, (int) (hit - from));
        // walk back over "name=value\0" text; a double NUL or a non-text byte ends it
        int i = back.length;
        while (i > 0) {
            int c = back[i - 1] & 0xff;
            if (c == 0) {
                if (i >= 2 && back[i - 2] == 0) {
                    break;
                }
            } else if (!envChar(c)) {
                break;
            }
            i--;
        }
        long textStart = from + i;
        // the CRC (and flags byte) may themselves look like text: try the few starts just after the break
        for (long start = textStart; start <= Math.min(hit, textStart + 5); start++) {
            for (int hdr : new int[] {4, 5}) {
                long crcAt = start - hdr;
                if (crcAt < 0 || start > hit) {
                    continue;
                }
                Optional<Match> m = tryBlock(s, crcAt, hdr);
                if (m.isPresent()) {
                    return m;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Match> tryBlock(ByteSource s, long crcAt, int hdr) throws IOException {
        long stored = Bytes.le32(s.bytes(crcAt, 4), 0);
        long dataAt = crcAt + hdr;
        java.util.TreeSet<Long> ends = new java.util.TreeSet<>();
        for (long size : SIZES) {
            if (crcAt + size > dataAt + 2 && crcAt + size <= s.size()) {
                ends.add(crcAt + size);
            }
        }
        if (s.size() - crcAt <= SIZES[SIZES.length - 1]) {
            ends.add(s.size());
        }
        CRC32 crc = new CRC32();
        byte[] buf = new byte[4096];
        long pos = dataAt;
        for (long end : ends) {
            while (pos < end) {
                int n = s.read(pos, buf, 0, (int) Math.min(buf.length, end - pos));
                if (n <= 0) {
                    return Optional.empty();
                }
                crc.update(buf, 0, n);
                pos += n;
            }
            if (crc.getValue() == stored) {
                long size = end - crcAt;
                Map<String, String> vars = parse(s.bytes(dataAt, (int) (size - hdr)));
                if (vars.isEmpty()) {
                    return Optional.empty();
                }
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("redundant", hdr == 5);
                info.put("variables", vars);
                return Streams.match(id(), crcAt, size, "U-Boot environment, " + vars.size() + " variables", info);
            }
        }
        return Optional.empty();
    }

    /** The variables of an environment's data area, in stored order; parsing stops at the first empty string. */
    public static Map<String, String> parse(byte[] data) {
        Map<String, String> vars = new LinkedHashMap<>();
        int p = 0;
        while (p < data.length && data[p] != 0) {
            int end = p;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            String kv = new String(data, p, end - p, StandardCharsets.ISO_8859_1);
            int eq = kv.indexOf('=');
            if (eq > 0) {
                vars.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            p = end + 1;
        }
        return vars;
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        int hdr = Boolean.TRUE.equals(m.info().get("redundant")) ? 5 : 4;
        Map<String, String> vars = parse(s.bytes(m.offset() + hdr, (int) (m.length() - hdr)));
        StringBuilder sb = new StringBuilder();
        vars.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sink.file("uboot-env.txt", 0644, 0, new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }
}
