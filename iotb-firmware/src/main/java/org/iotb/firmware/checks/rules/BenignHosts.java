package org.iotb.firmware.checks.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hosts a plaintext URL may name without being a remote endpoint: data/benign-hosts.txt (suffixes), private
 * address ranges and template placeholders (data/placeholder-hosts.txt).
 */
public final class BenignHosts {
    private static final List<String> SUFFIXES = load("benign-hosts.txt");
    private static final List<java.util.regex.Pattern> PLACEHOLDERS = load("placeholder-hosts.txt").stream()
            .map(java.util.regex.Pattern::compile).toList();

    private BenignHosts() {
    }

    public static boolean benign(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || !h.contains(".") || h.startsWith(".") || h.contains("..")) {
            return true; // "localhost", "host", placeholders: not a concrete remote endpoint
        }
        if (h.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            String[] o = h.split("\\.");
            int a = Integer.parseInt(o[0]);
            int b = Integer.parseInt(o[1]);
            return a == 10 || a == 127 || a == 0 || a == 192 && b == 168 || a == 172 && b >= 16 && b <= 31
                    || a == 169 && b == 254 || a >= 224;
        }
        if (!h.matches(".*\\.[a-z]{2,}")) {
            return true; // version numbers like 1.2 or file names, not host names
        }
        for (String s : SUFFIXES) {
            if (h.equals(s) || h.endsWith("." + s)) {
                return true;
            }
        }
        return placeholder(h);
    }

    /** Template placeholders such as "manufacturer.url.here" (data/placeholder-hosts.txt). */
    static boolean placeholder(String lowerHost) {
        for (java.util.regex.Pattern p : PLACEHOLDERS) {
            if (p.matcher(lowerHost).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> load(String name) {
        try (InputStream in = BenignHosts.class.getResourceAsStream("/org/iotb/firmware/data/" + name)) {
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                l = l.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
