package org.iotb.model.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One account of the image, from a passwd or shadow file. Never the secret itself: only whether there is one and
 * which hash scheme it uses.
 *
 * @param user     the login name
 * @param file     the passwd/shadow file, relative to the tree root
 * @param line     the line in {@code file}
 * @param password whether the account has a usable hash, an empty password or is locked
 * @param hashKind the crypt(3) scheme of the hash (md5, sha512, des, bcrypt …), null without a hash
 * @param shell    the login shell from passwd, null when unknown
 * @param uid      the numeric user id from passwd, null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountFact(String user, String file, int line, Password password, String hashKind, String shell,
                          Integer uid) {

    /** The state of the password field. */
    public enum Password { HASH, EMPTY, LOCKED }

    /** Whether one can log in with a password (a hash or an empty password). */
    public boolean hasPassword() {
        return password == Password.HASH || password == Password.EMPTY;
    }

    public AccountFact withFilePrefix(String prefix) {
        return new AccountFact(user, prefix + "/" + file, line, password, hashKind, shell, uid);
    }
}
