package org.iotb.probe.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.iotb.model.credentials.DefaultCredential;
import org.iotb.probe.Credential;

/**
 * The default-credential list as the prober's {@link Credential}s; reading and parsing are
 * {@link org.iotb.model.credentials.DefaultCredentials}' (one list, one loader, shared with the firmware checks).
 */
public final class DefaultCredentials {
    private DefaultCredentials() {
    }

    public static List<Credential> builtIn() {
        return toProbe(org.iotb.model.credentials.DefaultCredentials.builtIn());
    }

    public static List<Credential> fromFile(Path file) throws IOException {
        return toProbe(org.iotb.model.credentials.DefaultCredentials.fromFile(file));
    }

    private static List<Credential> toProbe(List<DefaultCredential> list) {
        return list.stream().map(c -> new Credential(c.username(), c.password(), c.source())).toList();
    }
}
