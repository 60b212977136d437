package org.iotb.model.credentials;

/** One well-known default login: user name, password (may be empty) and where it is known from. */
public record DefaultCredential(String username, String password, String source) { }
