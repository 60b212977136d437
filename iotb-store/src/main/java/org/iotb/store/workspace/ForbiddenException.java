package org.iotb.store.workspace;

/** The actor sees the thing but their role may not do this to it (the web answers 403). */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
