package org.iotb.firmware.checks.cred;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.Crypt;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.UnixCrypt;

/** Checks a candidate password against a crypt(3) hash; schemes no library here implements are unverifiable. */
public final class CryptVerifier {
    /** bcrypt costs above this are not attempted (each guess would take too long). */
    static final int MAX_BCRYPT_COST = 12;

    private CryptVerifier() {
    }

    public static boolean verifiable(String hash) {
        CryptScheme s = CryptScheme.of(hash);
        return switch (s) {
            case DES, MD5, APR1, SHA256, SHA512 -> true;
            case BCRYPT -> Integer.parseInt(hash.substring(hash.indexOf('$', 1) + 1, hash.indexOf('$', 1) + 3))
                    <= MAX_BCRYPT_COST;
            default -> false;
        };
    }

    public static boolean matches(String hash, String candidate) {
        try {
            return switch (CryptScheme.of(hash)) {
                case DES -> UnixCrypt.crypt(candidate, hash.substring(0, 2)).equals(hash);
                case MD5 -> Md5Crypt.md5Crypt(candidate.getBytes(StandardCharsets.UTF_8), hash).equals(hash);
                case APR1 -> Md5Crypt.apr1Crypt(candidate.getBytes(StandardCharsets.UTF_8), hash).equals(hash);
                case SHA256, SHA512 -> Crypt.crypt(candidate, hash).equals(hash);
                case BCRYPT -> BCrypt.verifyer().verify(candidate.toCharArray(), hash.toCharArray()).verified;
                default -> false;
            };
        } catch (IllegalArgumentException e) {
            return false; // malformed salt or hash: treat as no match
        }
    }
}
