package org.iotb.firmware.checks.cred;

/** The crypt(3) scheme a password hash uses, recognised by its prefix and shape. */
public enum CryptScheme {
    DES("DES crypt", true), BSDI_DES("BSDi extended DES crypt", true), MD5("MD5 crypt", true),
    APR1("Apache MD5 crypt", true), SHA256("SHA-256 crypt", false), SHA512("SHA-512 crypt", false),
    BCRYPT("bcrypt", false), YESCRYPT("yescrypt", false), SCRYPT("scrypt", false), UNKNOWN("unknown scheme", false);

    public final String label;
    public final boolean weak;

    CryptScheme(String label, boolean weak) {
        this.label = label;
        this.weak = weak;
    }

    public static CryptScheme of(String hash) {
        if (hash.startsWith("$1$")) {
            return MD5;
        }
        if (hash.startsWith("$apr1$")) {
            return APR1;
        }
        if (hash.startsWith("$5$")) {
            return SHA256;
        }
        if (hash.startsWith("$6$")) {
            return SHA512;
        }
        if (hash.matches("\\$2[abxy]?\\$\\d\\d\\$.{53}")) {
            return BCRYPT;
        }
        if (hash.startsWith("$y$") || hash.startsWith("$gy$")) {
            return YESCRYPT;
        }
        if (hash.startsWith("$7$")) {
            return SCRYPT;
        }
        if (hash.matches("_[./0-9A-Za-z]{19}")) {
            return BSDI_DES;
        }
        if (hash.matches("[./0-9A-Za-z]{13}")) {
            return DES;
        }
        return UNKNOWN;
    }
}
