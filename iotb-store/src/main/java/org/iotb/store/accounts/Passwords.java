package org.iotb.store.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Password hashing with bcrypt (cost 12 in production; tests may lower it through {@code WorkspaceSettings}). A
 * password is checked against a fixed dummy hash when the account does not exist, so a wrong name takes as long as
 * a wrong password.
 */
public final class Passwords {
    /** The production cost: about a quarter of a second per hash on a laptop. */
    public static final int DEFAULT_COST = 12;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 8;

    private final int cost;
    private final String dummyHash;

    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, not " + cost);
        }
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password".toCharArray());
    }

    /** Null when the password is acceptable, else why not. */
    public static String problem(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (utf8(password).length > MAX_BYTES) {
            return "a password may have at most " + MAX_BYTES + " bytes (UTF-8)";
        }
        return null;
    }

    public String hash(char[] password) {
        return BCrypt.withDefaults().hashToString(cost, password);
    }

    /** Whether the password matches the hash; with a null hash (no such account) it still spends the time, then says no. */
    public boolean verify(char[] password, String hashOrNull) {
        boolean ok = BCrypt.verifyer().verify(password == null ? new char[0] : password,
                hashOrNull == null ? dummyHash : hashOrNull).verified;
        return ok && hashOrNull != null;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }
}
