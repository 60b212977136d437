package org.iotb.firmware.checks.cred;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iotb.model.credentials.DefaultCredential;

/**
 * The cracking policy over the project's default-credential list; the list and its loader are
 * {@link org.iotb.model.credentials.DefaultCredentials}' (shared with the device prober).
 */
public final class DefaultCredentials {
    /** The one list of the project, as a class-path resource (reported as the word list). */
    public static final String RESOURCE = org.iotb.model.credentials.DefaultCredentials.RESOURCE;
    private static final List<DefaultCredential> ALL = org.iotb.model.credentials.DefaultCredentials.builtIn();

    private DefaultCredentials() {
    }

    public static List<DefaultCredential> all() {
        return ALL;
    }

    /** Passwords to try for {@code user}: that user's known defaults first, then the user name, then the rest. */
    public static List<String> candidatesFor(String user) {
        Set<String> out = new LinkedHashSet<>();
        for (DefaultCredential c : ALL) {
            if (c.username().equals(user)) {
                out.add(c.password());
            }
        }
        out.add(user);
        out.add("");
        for (DefaultCredential c : ALL) {
            out.add(c.password());
        }
        return List.copyOf(out);
    }

    public static boolean isKnownPassword(String value) {
        for (DefaultCredential c : ALL) {
            if (!c.password().isEmpty() && c.password().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
