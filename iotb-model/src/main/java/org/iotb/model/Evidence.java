package org.iotb.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a person needs to reproduce a finding. Firmware evidence names a path inside the unpacked image
 * (relative to the tree root, with '/' separators) and optionally an offset, a line and a short excerpt.
 * Device evidence names host, port, protocol and request/reply excerpts. {@code fingerprint} is the sha256
 * of a secret (password hash, private key, token) so that units can be compared without storing the secret.
 * Unused fields are null and omitted from JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
        String path,
        Long offset,
        Integer line,
        String excerpt,
        String sha256,
        String fingerprint,
        String host,
        Integer port,
        String protocol,
        String request,
        String reply) {

    /** Longest excerpt kept; longer text is cut so reports stay readable and secrets are not dumped whole. */
    public static final int MAX_EXCERPT = 240;

    public Evidence {
        excerpt = clip(readable(excerpt));
        request = clip(readable(request));
        reply = clip(readable(reply));
    }

    public static Evidence file(String path) {
        return new Evidence(path, null, null, null, null, null, null, null, null, null, null);
    }

    public static Evidence line(String path, int line, String excerpt) {
        return new Evidence(path, null, line, excerpt, null, null, null, null, null, null, null);
    }

    public static Evidence offset(String path, long offset, String excerpt) {
        return new Evidence(path, offset, null, excerpt, null, null, null, null, null, null, null);
    }

    public static Evidence network(String host, int port, String protocol, String request, String reply) {
        return new Evidence(null, null, null, null, null, null, host, port, protocol, request, reply);
    }

    public Evidence withExcerpt(String newExcerpt) {
        return new Evidence(path, offset, line, newExcerpt, sha256, fingerprint, host, port, protocol, request, reply);
    }

    public Evidence withSha256(String hash) {
        return new Evidence(path, offset, line, excerpt, hash, fingerprint, host, port, protocol, request, reply);
    }

    public Evidence withFingerprint(String fp) {
        return new Evidence(path, offset, line, excerpt, sha256, fp, host, port, protocol, request, reply);
    }

    /**
     * Text as a person should read it. Files are read byte for byte (ISO-8859-1, one char per byte), so text
     * that is valid UTF-8 is decoded as UTF-8 ("智能", not "æºè½"); any other byte above 0x7E and every control
     * character except tab, CR and LF is shown escaped as \xNN, so binary never reaches a report or terminal.
     * Text that already holds characters beyond one byte is kept as it is (control characters escaped).
     */
    public static String readable(String s) {
        if (s == null) {
            return null;
        }
        boolean bytes = true;
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes &= c <= 0xff;
            plain &= c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r';
        }
        if (plain) {
            return s;
        }
        String text = s;
        boolean decoded = !bytes;
        if (bytes) {
            byte[] raw = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            // an excerpt cut to length may end inside a multi-byte sequence: up to 3 trailing bytes may go
            for (int cut = 0; cut <= 3 && cut < raw.length && !decoded; cut++) {
                if (cut > 0 && (raw[raw.length - cut] & 0xC0) != 0xC0) {
                    continue; // only a cut lead byte with its continuation bytes may be dropped
                }
                try {
                    text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(raw, 0, raw.length - cut)).toString();
                    decoded = true;
                } catch (java.nio.charset.CharacterCodingException e) {
                    text = s; // not UTF-8 (yet): show the bytes escaped
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
            if (control || !decoded && c > 0x7e) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String clip(String s) {
        if (s == null || s.length() <= MAX_EXCERPT) {
            return s;
        }
        return s.substring(0, MAX_EXCERPT) + "…";
    }
}
