package org.iotb.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The default TCP port list: ports consumer devices commonly expose (data file common-ports.txt). */
public final class Ports {
    private static final java.util.Map<Integer, String> HINTS = new java.util.HashMap<>();
    public static final List<Integer> COMMON = load();

    private Ports() {
    }

    /** The usual service on a port ("https", "mqtt"...), or "" when the port is not in the list. */
    public static String hint(int port) {
        return HINTS.getOrDefault(port, "");
    }

    private static List<Integer> load() {
        List<Integer> out = new ArrayList<>();
        try (InputStream in = Ports.class.getResourceAsStream("data/common-ports.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String l = line.replaceAll("#.*", "").trim();
                if (!l.isEmpty()) {
                    String[] f = l.split("\\s+");
                    out.add(Integer.parseInt(f[0]));
                    if (f.length > 1) {
                        HINTS.put(Integer.parseInt(f[0]), f[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
