package org.iotb.unpack.sink;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.iotb.unpack.spi.StoredNames;

/**
 * Turns a name stored in an image into components that are safe to create under the output tree.
 * Absolute names become relative, "." and empty components vanish, control characters and backslashes
 * become '_', over-long components are shortened with a hash. A ".." component refuses the whole name:
 * it is an escape attempt (or a broken image), and silently re-rooting it would hide that.
 */
public final class NameSanitizer {
    static final int MAX_COMPONENT_BYTES = 255;
    static final int MAX_COMPONENTS = 256;
    static final int MAX_NAME_CHARS = 16 * 1024;
    private static final Charset NAME_CHARSET = nameCharset();

    private NameSanitizer() {
    }

    /** The safe form of {@code stored}; throws {@link UnsafeNameException} when it must be refused. */
    public static SanitizedPath sanitize(String stored) throws UnsafeNameException {
        if (stored == null) {
            throw new UnsafeNameException("missing name");
        }
        if (stored.length() > MAX_NAME_CHARS) {
            throw new UnsafeNameException("name longer than " + MAX_NAME_CHARS + " characters");
        }
        boolean changed = false;
        List<String> out = new ArrayList<>();
        for (String raw : stored.split("/", -1)) {
            if (raw.isEmpty() || raw.equals(".")) {
                continue;
            }
            if (raw.equals("..")) {
                throw new UnsafeNameException("'..' in path " + printable(stored));
            }
            String clean = cleanComponent(raw);
            if (clean.equals("..") || clean.equals(".")) {
                // e.g. ".\u0000." cleans to "._." — only an exact dot name lands here; refuse it.
                throw new UnsafeNameException("dot name in path " + printable(stored));
            }
            if (!clean.equals(raw)) {
                changed = true;
            }
            out.add(clean);
        }
        if (stored.startsWith("/")) {
            changed = true;
        }
        if (out.isEmpty()) {
            throw new UnsafeNameException("empty name " + printable(stored));
        }
        if (out.size() > MAX_COMPONENTS) {
            throw new UnsafeNameException("path deeper than " + MAX_COMPONENTS + " components");
        }
        return new SanitizedPath(List.copyOf(out), changed);
    }

    static String cleanComponent(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        // a stored byte that is not UTF-8 (StoredNames) is written as %XX; '%' too then, so the name stays reversible
        boolean rawBytes = StoredNames.hasRawBytes(raw);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (rawBytes && (c == '%' || StoredNames.isRawByte(raw, i))) {
                sb.append('%').append(String.format("%02X", c == '%' ? '%' : c & 0xff));
            } else if (c < 0x20 || c == 0x7f || c == '\\' || Character.isSurrogate(c) && !validSurrogate(raw, i)) {
                sb.append('_');
            } else {
                sb.append(c);
            }
        }
        String s = escapeUnmappable(sb.toString());
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
            s = shorten(s);
        }
        return s;
    }

    /**
     * The JVM turns a file name into bytes with the locale's character set (sun.jnu.encoding): under LC_ALL=C
     * that is ASCII, and "café" cannot be created at all (InvalidPathException). Such a component is written
     * with each character the platform cannot encode, and every '%', percent-escaped as its UTF-8 bytes
     * ("caf%C3%A9"): reversible, and the manifest keeps the stored name as originalPath. Under a UTF-8 locale
     * (what the ./iotb launcher sets) nothing changes.
     */
    static String escapeUnmappable(String s) {
        CharsetEncoder enc = NAME_CHARSET.newEncoder();
        if (enc.canEncode(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() * 3);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String one = new String(Character.toChars(cp));
            if (cp != '%' && enc.canEncode(one)) {
                sb.append(one);
            } else {
                for (byte b : one.getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The character set the JVM encodes file names with (sun.jnu.encoding), UTF-8 if unknown. */
    private static Charset nameCharset() {
        try {
            String n = System.getProperty("sun.jnu.encoding");
            return n == null ? StandardCharsets.UTF_8 : Charset.forName(n);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String shorten(String s) {
        String hash;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 200) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return sb + "~" + hash;
    }

    /** The name with control characters escaped, for warnings. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(s.length(), 200);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > n) {
            sb.append("...");
        }
        return sb.toString();
    }
}
