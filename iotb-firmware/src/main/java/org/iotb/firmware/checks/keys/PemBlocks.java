package org.iotb.firmware.checks.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds PEM blocks ("-----BEGIN X-----" … "-----END X-----") in text, bounded in count and size. */
public final class PemBlocks {
    /** One block: its label, the whole text, where it starts, and its decoded body (null if not base64). */
    public record Block(String label, String text, int start, byte[] der) { }

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,40})-----([A-Za-z0-9+/=\\s:,\\-]{0,20000}?)-----END \\1-----");

    private PemBlocks() {
    }

    public static List<Block> find(String text, int max) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find() && out.size() < max) {
            String body = m.group(2);
            byte[] der = null;
            if (!body.contains(":")) {
                try {
                    der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    der = null;
                }
            } else {
                // encrypted legacy PEM: headers then a blank line then the body
                String[] parts = body.split("\\r?\\n\\s*\\r?\\n", 2);
                if (parts.length == 2) {
                    try {
                        der = Base64.getMimeDecoder().decode(parts[1].replaceAll("\\s", ""));
                    } catch (IllegalArgumentException e) {
                        der = null;
                    }
                }
            }
            out.add(new Block(m.group(1), m.group(), m.start(), der));
        }
        return out;
    }

    /** 1-based line number of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
