package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.io.Bytes;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/**
 * TP-Link's v1 firmware header (TL-WR841N, TL-MR3020 and most of TP-Link's 2010s routers; the layout OpenWrt's
 * firmware-utils {@code mktplinkfw} writes): 512 bytes at the start of an update image with the vendor and version
 * strings, hardware id, the image length, the offsets of boot loader, kernel and root file system, and an MD5 of the
 * whole image computed with a fixed salt in place of the digest. The salts are public (mktplinkfw's
 * {@code md5salt_normal} and, for images that carry the boot loader, {@code md5salt_boot}), so the digest is a
 * checksum anyone recomputes: the header has no signature. The match says so ({@link UpdateIntegrity}).
 * <p>
 * Tried at the start of a file only. Accepted when its digest verifies with either salt, or when the vendor is
 * TP-Link's and the stated lengths fit the file (a damaged image is still described, its digest reported
 * invalid). Only the header is claimed: the kernel and root file system behind it are carved as before, where
 * they are. Output: {@code tplink-header.txt}, the header's fields as text.
 */
public final class TpLinkHandler implements FormatHandler {
    static final int HEADER = 0x200;
    static final String INTEGRITY = "MD5 digest with a fixed, public salt only; no signature";
    static final byte[] SALT_NORMAL = hex("dcd73aa5c39598fbddf9e7f40eae4738");
    static final byte[] SALT_BOOT = hex("8cef335bd5c5cefaa79c28dab2e90f42");
    static final int MD5_AT = 0x4c;
    /** mktplinkfw's HEADER_VERSION_V1, stored big-endian: the bytes 01 00 00 00. */
    static final long VERSION_1 = 0x01000000L;

    @Override
    public String id() {
        return "tplink";
    }

    @Override
    public List<Magic> magics() {
        return List.of(); // offset 0 of a file only: the header starts an update image
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        if (off != 0 || !Bytes.fits(s, 0, HEADER)) {
            return Optional.empty();
        }
        byte[] h = s.bytes(0, HEADER);
        if (Bytes.be32(h, 0) != VERSION_1) {
            return Optional.empty();
        }
        String vendor = text(h, 4, 24);
        String version = text(h, 0x1c, 36);
        long length = Bytes.be32(h, 0x7c);
        if (vendor == null || version == null || length < HEADER || length > s.size()) {
            return Optional.empty();
        }
        String salt = verifiedSalt(s, h, length);
        boolean fits = fits(h, 0x80, length) && fits(h, 0x88, length) && fits(h, 0x90, length);
        if (salt == null && !(vendor.startsWith("TP-LINK") && fits)) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("vendor", vendor);
        info.put("version", version);
        info.put("hardwareId", String.format("0x%08x", Bytes.be32(h, 0x40)));
        info.put("hardwareRevision", Bytes.be32(h, 0x44));
        info.put("imageLength", length);
        info.put("kernel", part(h, 0x80));
        info.put("rootfs", part(h, 0x88));
        info.put("bootLoader", part(h, 0x90));
        info.put("md5Valid", salt != null);
        if (salt != null) {
            info.put("md5Salt", salt);
        }
        UpdateIntegrity.checksumOnly(info, INTEGRITY);
        return Streams.match(id(), 0, HEADER, "TP-Link firmware header (" + vendor + ", " + version + "), MD5 "
                + (salt != null ? "valid" : "MISMATCH") + ", no signature", info);
    }

    /** "normal" or "boot" when the stored digest is the MD5 of the image with that salt in its place, else null. */
    static String verifiedSalt(ByteSource s, byte[] h, long length) throws IOException {
        byte[] stored = java.util.Arrays.copyOfRange(h, MD5_AT, MD5_AT + 16);
        for (Map.Entry<String, byte[]> salt : Map.of("normal", SALT_NORMAL, "boot", SALT_BOOT).entrySet()) {
            MessageDigest md = md5();
            byte[] head = h.clone();
            System.arraycopy(salt.getValue(), 0, head, MD5_AT, 16);
            md.update(head);
            try (InputStream in = s.stream(HEADER, length - HEADER)) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            if (MessageDigest.isEqual(md.digest(), stored)) {
                return salt.getKey();
            }
        }
        return null;
    }

    private static boolean fits(byte[] h, int at, long length) {
        long o = Bytes.be32(h, at);
        long n = Bytes.be32(h, at + 4);
        return o + n <= length;
    }

    private static String part(byte[] h, int at) {
        return "offset " + Bytes.be32(h, at) + ", " + Bytes.be32(h, at + 4) + " bytes";
    }

    /** A NUL-padded printable string filling the start of a field, or null. */
    private static String text(byte[] h, int at, int width) {
        String t = Bytes.cString(h, at, width);
        if (t.isEmpty()) {
            return null;
        }
        for (char c : t.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        return t;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        StringBuilder sb = new StringBuilder();
        m.info().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sink.file("tplink-header.txt", 0644, 0, new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)));
    }
}
