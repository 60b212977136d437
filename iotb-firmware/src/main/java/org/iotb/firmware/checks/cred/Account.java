package org.iotb.firmware.checks.cred;

/** One line of a passwd or shadow file: {@code secret} is the password field as written. */
public record Account(String file, int line, String user, String secret, String shell, boolean fromShadow) {

    /** Locked or delegated: '*', '!', '!!', 'x' (see shadow), '!'-prefixed hashes. */
    public boolean locked() {
        return secret.startsWith("!") || secret.startsWith("*") || secret.equals("x");
    }

    public boolean empty() {
        return secret.isEmpty();
    }

    public boolean hasHash() {
        return !empty() && !locked() && secret.length() >= 13;
    }
}
