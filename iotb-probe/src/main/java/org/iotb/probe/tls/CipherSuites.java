package org.iotb.probe.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cipher-suite table (data/cipher-suites.csv from OpenSSL, plus data/tls-extra-suites.csv by hand). */
public final class CipherSuites {
    private static final Map<Integer, CipherSuite> BY_CODE = load();

    private CipherSuites() {
    }

    public static CipherSuite byCode(int code) {
        CipherSuite s = BY_CODE.get(code);
        return s != null ? s : new CipherSuite(code, String.format("UNKNOWN_0x%04X", code),
                String.format("UNKNOWN-0x%04X", code), "?", "?", "?", "?", "?");
    }

    public static List<CipherSuite> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** Suites offered for TLS 1.2 and below (everything but the TLS 1.3 suites). */
    public static List<Integer> legacyCodes() {
        List<Integer> out = new ArrayList<>();
        for (CipherSuite s : BY_CODE.values()) {
            if (!s.tls13()) {
                out.add(s.code());
            }
        }
        Collections.sort(out);
        return out;
    }

    public static List<Integer> tls13Codes() {
        List<Integer> out = new ArrayList<>();
        for (CipherSuite s : BY_CODE.values()) {
            if (s.tls13()) {
                out.add(s.code());
            }
        }
        Collections.sort(out);
        return out;
    }

    private static Map<Integer, CipherSuite> load() {
        Map<Integer, CipherSuite> m = new LinkedHashMap<>();
        read("data/cipher-suites.csv", m);
        read("data/tls-extra-suites.csv", m);
        return Collections.unmodifiableMap(m);
    }

    private static void read(String resource, Map<Integer, CipherSuite> into) {
        try (InputStream in = CipherSuites.class.getResourceAsStream("/org/iotb/probe/" + resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                if (f.length < 8) {
                    continue;
                }
                int code = Integer.parseInt(f[0].trim(), 16);
                into.putIfAbsent(code, new CipherSuite(code, f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
