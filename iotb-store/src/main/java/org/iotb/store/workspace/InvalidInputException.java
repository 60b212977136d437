package org.iotb.store.workspace;

/** The request's content is wrong (an invalid profile or declarations file, an empty name…): the web answers 400 with the message. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
