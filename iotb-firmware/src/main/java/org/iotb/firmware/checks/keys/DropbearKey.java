package org.iotb.firmware.checks.keys;

/**
 * Recognises a Dropbear private key file by its content (SSH wire format: key type string, then the key's
 * numbers), whatever the file is called: a vendor may store it as /etc/rsa_host_key (2009 Broadcom rootfs).
 * A bare public-key blob has the same header, so the private parts must be present too.
 */
final class DropbearKey {
    private DropbearKey() {
    }

    /** "RSA", "DSA", "Ed25519" or "ECDSA" when b is a Dropbear private key, else null. */
    static String privateKeyType(byte[] b) {
        Reader r = new Reader(b);
        byte[] type = r.string(32);
        if (type == null) {
            return null;
        }
        String t = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
        switch (t) {
            case "ssh-rsa": // e, n, d, p, q
                return r.skipStrings(5, 2048) ? "RSA" : null;
            case "ssh-dss": // p, q, g, y, x
                return r.skipStrings(5, 1024) ? "DSA" : null;
            case "ssh-ed25519": { // one string holding the 32-byte seed and the 32-byte public key
                byte[] k = r.string(64);
                return k != null && k.length == 64 ? "Ed25519" : null;
            }
            default:
                if (t.startsWith("ecdsa-sha2-nistp")) { // curve name, public point Q, private scalar d
                    return r.skipStrings(3, 256) ? "ECDSA" : null;
                }
                return null;
        }
    }

    /** Bounds-checked reader of SSH strings (uint32 big-endian length + bytes). */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        byte[] string(int maxLen) {
            if (pos + 4 > b.length) {
                return null;
            }
            long len = ((b[pos] & 0xffL) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            if (len < 1 || len > maxLen || pos + 4 + len > b.length) {
                return null;
            }
            byte[] out = java.util.Arrays.copyOfRange(b, pos + 4, pos + 4 + (int) len);
            pos += 4 + (int) len;
            return out;
        }

        boolean skipStrings(int n, int maxLen) {
            for (int i = 0; i < n; i++) {
                if (string(maxLen) == null) {
                    return false;
                }
            }
            return true;
        }
    }
}
