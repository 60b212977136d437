package org.iotb.probe.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotb.probe.Credential;

/**
 * The default-credential list (username,password,source CSV; same format as the firmware module's list).
 * A password may be empty; commas inside fields are not supported, which the list never needs.
 */
public final class DefaultCredentials {
    private DefaultCredentials() {
    }

    public static List<Credential> builtIn() {
        try (InputStream in = DefaultCredentials.class.getResourceAsStream(
                "/org/iotb/model/data/default-credentials.csv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Credential> fromFile(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static List<Credential> parse(String csv) {
        List<Credential> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("username,")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                if (f.length >= 2 && !f[0].isEmpty()) {
                    out.add(new Credential(f[0], f[1], f.length > 2 ? f[2] : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
