package org.iotb.model.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one loader of the project's default-credential list ({@link #RESOURCE}: {@code username,password,source,url}
 * CSV, most common first; {@code url} is the public list or document the entry comes from). The firmware checks
 * crack image password hashes against it and the device prober tries it on login pages and services, so both read
 * it here. A password may be empty; lines starting with {@code #}, blank lines and the {@code username,...} header
 * are skipped; commas inside fields are not supported, which the list never needs. A user's own list
 * ({@code --credentials}) has the same format; its {@code url} column (and {@code source}) may be left out.
 */
public final class DefaultCredentials {
    /** Where the bundled list lives on the class path. */
    public static final String RESOURCE = "/org/iotb/model/data/default-credentials.csv";
    private static final List<DefaultCredential> BUILT_IN = load();

    private DefaultCredentials() {
    }

    /** The bundled list, in file order. */
    public static List<DefaultCredential> builtIn() {
        return BUILT_IN;
    }

    /** A list in the same format from a file. */
    public static List<DefaultCredential> fromFile(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static List<DefaultCredential> parse(String csv) {
        List<DefaultCredential> out = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("username,")) {
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length >= 2 && !f[0].isEmpty()) {
                out.add(new DefaultCredential(f[0], f[1], f.length > 2 ? f[2] : "", f.length > 3 ? f[3].strip() : ""));
            }
        }
        return List.copyOf(out);
    }

    private static List<DefaultCredential> load() {
        try (InputStream in = DefaultCredentials.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
