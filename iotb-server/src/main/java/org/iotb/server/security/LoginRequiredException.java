package org.iotb.server.security;

/** The request needs a logged-in actor and has none: 401 for the API, a redirect to the login form for pages. */
public final class LoginRequiredException extends RuntimeException {
    public LoginRequiredException() {
        super("login required");
    }

    public LoginRequiredException(String message) {
        super(message);
    }
}
