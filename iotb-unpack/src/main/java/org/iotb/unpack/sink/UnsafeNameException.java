package org.iotb.unpack.sink;

/** A stored name that cannot be created safely under the output tree. */
public final class UnsafeNameException extends Exception {
    public UnsafeNameException(String message) {
        super(message);
    }
}
