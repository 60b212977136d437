package org.iotb.firmware.checks.cred;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.Crypt;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.UnixCrypt;

/**
 * Checks a candidate password against a crypt(3) hash; schemes no library here implements are unverifiable. MD5 crypt
 * with an empty salt ({@code $1$$…}, TP-Link's TL-MR3020 root: {@code $1$$zdlNHiCDxYDfeF4MZL.H3/}) is computed here:
 * commons-codec refuses a salt shorter than one character.
 */
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
                case MD5 -> hash.startsWith("$1$$")
                        ? md5CryptEmptySalt(candidate.getBytes(StandardCharsets.UTF_8)).equals(hash)
                        : Md5Crypt.md5Crypt(candidate.getBytes(StandardCharsets.UTF_8), hash).equals(hash);
                case APR1 -> Md5Crypt.apr1Crypt(candidate.getBytes(StandardCharsets.UTF_8), hash).equals(hash);
                case SHA256, SHA512 -> Crypt.crypt(candidate, hash).equals(hash);
                case BCRYPT -> BCrypt.verifyer().verify(candidate.toCharArray(), hash.toCharArray()).verified;
                default -> false;
            };
        } catch (IllegalArgumentException e) {
            return false; // malformed salt or hash: treat as no match
        }
    }

    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** MD5 crypt (Poul-Henning Kamp's algorithm, as glibc and busybox implement it) with the empty salt. */
    static String md5CryptEmptySalt(byte[] pw) {
        java.security.MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update("$1$".getBytes(StandardCharsets.US_ASCII));
        java.security.MessageDigest alt = md5();
        alt.update(pw);
        alt.update(pw);
        byte[] altResult = alt.digest();
        for (int pl = pw.length; pl > 0; pl -= 16) {
            ctx.update(altResult, 0, Math.min(pl, 16));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            ctx.update((i & 1) != 0 ? 0 : pw[0]);
        }
        byte[] f = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            java.security.MessageDigest c = md5();
            c.update((i & 1) != 0 ? pw : f);
            if (i % 7 != 0) {
                c.update(pw);
            }
            c.update((i & 1) != 0 ? f : pw);
            f = c.digest();
        }
        StringBuilder out = new StringBuilder("$1$$");
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] g : groups) {
            to64(out, ((f[g[0]] & 0xff) << 16) | ((f[g[1]] & 0xff) << 8) | (f[g[2]] & 0xff), 4);
        }
        to64(out, f[11] & 0xff, 2);
        return out.toString();
    }

    private static void to64(StringBuilder out, int v, int n) {
        for (int i = 0; i < n; i++) {
            out.append(ITOA64.charAt(v & 0x3f));
            v >>>= 6;
        }
    }

    private static java.security.MessageDigest md5() {
        try {
            return java.security.MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
