package org.iotb.probe;

/** One username/password pair from the default-credential list, with where it is known from. */
public record Credential(String username, String password, String source) {

    /** The password as reports show it: first character, then asterisks, so the evidence does not leak it. */
    public String maskedPassword() {
        if (password == null || password.isEmpty()) {
            return "(empty)";
        }
        return password.charAt(0) + "*".repeat(Math.max(3, password.length() - 1));
    }

    @Override
    public String toString() {
        return username + ":" + maskedPassword();
    }
}
