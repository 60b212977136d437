package org.iotb.model.credentials;

/**
 * One well-known default login: user name, password (may be empty), where it is known from ({@code source}, a short
 * label) and the public list or document that names it ({@code url}, empty in user lists that give none).
 */
public record DefaultCredential(String username, String password, String source, String url) {

    /** A credential without a source URL (the three-column format of user lists). */
    public DefaultCredential(String username, String password, String source) {
        this(username, password, source, "");
    }
}
