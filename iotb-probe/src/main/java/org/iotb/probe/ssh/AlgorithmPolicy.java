package org.iotb.probe.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** SSH algorithm classes (fail / warn / ok, with reasons) from data/ssh-algorithms.csv, mirroring ssh-audit. */
public final class AlgorithmPolicy {
    public record Verdict(String level, String reason) {
    }

    private static final Map<String, Verdict> TABLE = load();

    private AlgorithmPolicy() {
    }

    /** The verdict for an algorithm of a kind (kex, hostkey, cipher, mac); unknown names are "unknown". */
    public static Verdict of(String kind, String name) {
        Verdict v = TABLE.get(kind + "," + name);
        return v != null ? v : new Verdict("unknown", "not in the algorithm table");
    }

    private static Map<String, Verdict> load() {
        Map<String, Verdict> m = new HashMap<>();
        try (InputStream in = AlgorithmPolicy.class.getResourceAsStream("/org/iotb/probe/data/ssh-algorithms.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.startsWith("kind,")) {
                    continue;
                }
                String[] f = line.split(",", 4);
                if (f.length == 4) {
                    m.put(f[0] + "," + f[1], new Verdict(f[2], f[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
