package org.iotb.store.workspace;

/**
 * The thing does not exist, or the actor may not see it: the two are one answer so that guessing ids tells a
 * client-viewer nothing about other organisations (the web answers 404).
 */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
