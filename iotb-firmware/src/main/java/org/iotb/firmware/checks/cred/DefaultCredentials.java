package org.iotb.firmware.checks.cred;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared list of well-known IoT default credentials (data/default-credentials.csv: username,password,source).
 * Also used by the device prober, so the format is a public contract.
 */
public final class DefaultCredentials {
    /** One known default login. */
    public record Credential(String username, String password, String source) { }

    /** One list for the whole project, shared with the device prober (iotb-model owns it). */
    public static final String RESOURCE = "/org/iotb/model/data/default-credentials.csv";
    private static final List<Credential> ALL = load();

    private DefaultCredentials() {
    }

    public static List<Credential> all() {
        return ALL;
    }

    private static List<Credential> load() {
        try (InputStream in = DefaultCredentials.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<Credential> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                String[] p = line.split(",", 3);
                if (p.length == 3) {
                    out.add(new Credential(p[0], p[1], p[2]));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passwords to try for {@code user}: that user's known defaults first, then the user name, then the rest. */
    public static List<String> candidatesFor(String user) {
        Set<String> out = new LinkedHashSet<>();
        for (Credential c : ALL) {
            if (c.username().equals(user)) {
                out.add(c.password());
            }
        }
        out.add(user);
        out.add("");
        for (Credential c : ALL) {
            out.add(c.password());
        }
        return List.copyOf(out);
    }

    public static boolean isKnownPassword(String value) {
        for (Credential c : ALL) {
            if (!c.password().isEmpty() && c.password().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
