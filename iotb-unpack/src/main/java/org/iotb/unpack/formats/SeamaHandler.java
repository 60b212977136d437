package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.io.CorruptImageException;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * SEAMA ("SEAttle iMAge", Alpha Networks; D-Link routers and access points): magic 0x5EA3A417, two reserved bytes,
 * the size of a metadata area, the size of the image, the image's MD5 digest, the metadata (NUL-separated
 * {@code key=value} strings such as {@code dev=/dev/mtdblock/1}, {@code type=firmware}) and the image. Network byte
 * order by the format's definition; some vendors wrote it little-endian, which is accepted too.
 * <p>
 * The only integrity the format carries is that MD5 digest, which anyone who alters the image recomputes: it has
 * no signature. The match says so ({@code info.integrity}, {@code info.signed = false}) for the update checks,
 * and whether the stored digest matches ({@code info.md5Valid}). A header whose digest does not match is still
 * accepted when its metadata reads as text, so that a damaged image is unpacked and the mismatch reported.
 */
public final class SeamaHandler implements FormatHandler {
    static final int HEADER = 28;
    static final int MAX_META = 64 * 1024;
    static final String INTEGRITY = "MD5 digest of the image only; no signature";

    @Override
    public String id() {
        return "seama";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0x5E, 0xA3, 0xA4, 0x17), Magic.of(0, 0x17, 0xA4, 0xA3, 0x5E));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (!Bytes.fits(s, off, HEADER)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(off, HEADER);
        ByteOrder order = (h[0] & 0xff) == 0x5E ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int metaSize;
        long size;
        try {
            metaSize = Bytes.u16(h, 6, order);
            size = Bytes.u32(h, 8, order);
        } catch (CorruptImageException e) {
            return Optional.empty();
        }
        long total = HEADER + metaSize + size;
        if (size == 0 || metaSize > MAX_META || total > s.size() - off) {
            return Optional.empty();
        }
        byte[] meta = s.bytes(off + HEADER, metaSize);
        List<String> fields = metadata(meta);
        String stored = HexFormat.of().formatHex(h, 12, 28);
        boolean md5Valid = stored.equals(md5(s, off + HEADER + metaSize, size));
        if (!md5Valid && (fields == null || fields.isEmpty())) {
            return Optional.empty(); // neither the digest nor the metadata vouch for a header here
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("byteOrder", order == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian");
        info.put("imageSize", size);
        info.put("metadata", fields == null ? List.of() : fields);
        info.put("md5", stored);
        info.put("md5Valid", md5Valid);
        UpdateIntegrity.checksumOnly(info, INTEGRITY);
        return Streams.match(id(), off, total, "SEAMA image, " + size + " bytes, MD5 " + (md5Valid ? "valid" : "MISMATCH")
                + ", no signature" + (fields == null || fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")"), info);
    }

    /** The NUL-separated strings of the metadata area, or null when it holds anything but printable text. */
    static List<String> metadata(byte[] meta) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (p < meta.length) {
            int e = p;
            while (e < meta.length && meta[e] != 0) {
                int c = meta[e] & 0xff;
                if (c < 0x20 || c >= 0x7f) {
                    return null;
                }
                e++;
            }
            if (e > p) {
                out.add(new String(meta, p, e - p, StandardCharsets.US_ASCII));
            }
            p = e + 1;
        }
        return out;
    }

    private static String md5(ByteSource s, long from, long length) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[65536];
        try (InputStream in = s.stream(from, length)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        byte[] h = s.bytes(m.offset(), HEADER);
        ByteOrder order = (h[0] & 0xff) == 0x5E ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int metaSize = Bytes.u16(h, 6, order);
        long size = Bytes.u32(h, 8, order);
        Object fields = m.info().get("metadata");
        if (fields instanceof List<?> l && !l.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            l.forEach(x -> sb.append(x).append('\n'));
            sink.file("seama-meta.txt", 0644, 0, new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)));
        }
        sink.file("image.bin", 0644, 0, s.stream(m.offset() + HEADER + metaSize, size));
    }
}
