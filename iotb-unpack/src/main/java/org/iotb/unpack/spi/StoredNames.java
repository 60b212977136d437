package org.iotb.unpack.spi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names as an archive stores them: bytes, usually UTF-8, sometimes Latin-1, Shift-JIS or no encoding at all
 * (issue #20: commons-compress turned such bytes into U+FFFD, so two names could become one and the original was
 * lost). Handlers read names 8-bit-transparent (ISO-8859-1, or the raw header) and hand the bytes to
 * {@link #decode}: valid UTF-8 becomes the text it spells; anything else keeps every byte, each one that is not
 * part of a valid UTF-8 sequence as the lone surrogate U+DC80..U+DCFF (the "surrogateescape" of Python and
 * POSIX tools). The sink writes such a byte as {@code %XX} and records the stored bytes in hex
 * ({@code originalPathHex}); {@link #encode} gives them back.
 */
public final class StoredNames {
    private StoredNames() {
    }

    /** The name {@code raw} spells: UTF-8 when valid, else byte-preserving (see the class comment). */
    public static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            StringBuilder sb = new StringBuilder(raw.length);
            int i = 0;
            while (i < raw.length) {
                int n = validSequence(raw, i);
                if (n > 0) {
                    sb.append(new String(raw, i, n, StandardCharsets.UTF_8));
                    i += n;
                } else {
                    sb.append((char) (0xDC00 | (raw[i] & 0xff)));
                    i++;
                }
            }
            return sb.toString();
        }
    }

    /** A name from {@code latin1}, a string whose chars are the stored bytes one to one (ISO-8859-1). */
    public static String decodeLatin1(String latin1) {
        return latin1 == null ? null : decode(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether {@code name} holds a byte that is not UTF-8 (an escaped one, see {@link #decode}). */
    public static boolean hasRawBytes(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (isRawByte(name, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the char at {@code i} stands for one stored byte that was not UTF-8. */
    public static boolean isRawByte(String s, int i) {
        char c = s.charAt(i);
        return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** The stored bytes of a name made by {@link #decode}. */
    public static byte[] encode(String name) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            if (isRawByte(name, i)) {
                out.write(name.charAt(i) & 0xff);
                i++;
            } else {
                int cp = name.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    /** Length of the valid UTF-8 sequence at {@code i} (ASCII included), or 0. */
    private static int validSequence(byte[] b, int i) {
        int c = b[i] & 0xff;
        int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > b.length) {
            return 0;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, i, n));
            return n;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }
}
